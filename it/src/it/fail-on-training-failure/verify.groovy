def log = new File(basedir, 'build.log').text
assert log.contains('1 tests failed while training it.pkgimage:fail-on-training-failure:1.0 (failOnTrainingFailure is set)') : 'log.contains(\'1 tests failed while training it.pkgimage:fail-on-training-failure:1.0 (failOnTrainingFailure is set)\')'
assert log.contains('it.fail.CalculatorTests#dividesWrongly') : 'log.contains(\'it.fail.CalculatorTests#dividesWrongly\')'
assert !new File(basedir, 'target/fail-on-training-failure-1.0-pkgimage.jar').exists() : '!new File(basedir, \'target/fail-on-training-failure-1.0-pkgimage.jar\').exists()'
