def log = new File(basedir, 'build.log').text
assert log.contains('The training JVM terminated without properly saying goodbye (exit code 3)') : 'log.contains(\'The training JVM terminated without properly saying goodbye (exit code 3)\')'
assert log.contains('Command was: ') : 'log.contains(\'Command was: \')'
assert log.contains('io.pkgimage.core.training.child.TrainingMain') : 'log.contains(\'io.pkgimage.core.training.child.TrainingMain\')'
assert log.contains('about to call System.exit(3)') : 'log.contains(\'about to call System.exit(3)\')'
