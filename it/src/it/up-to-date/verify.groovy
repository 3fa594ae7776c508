// build.log holds the three invocations in order
def log = new File(basedir, 'build.log').text
def trained = 'Training it.pkgimage:up-to-date:1.0 with 1 test classes'
def reused = 'up-to-date-1.0-pkgimage.jar is up to date for its tests part (no input changed since it was recorded); reusing it'
def first = log.indexOf(trained)
def second = log.indexOf(reused)
def third = log.indexOf(trained, second)
assert first >= 0 : 'the first build trains'
assert second > first : 'the second build, with no changed input, reuses the image'
assert third > second : 'the third build, with another configuration (failOnTrainingFailure), trains again'
assert log.count(reused) == 1 : 'log.count(reused) == 1'
