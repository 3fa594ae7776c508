def log = new File(basedir, 'build.log').text
assert log.contains('The training JVM did not finish within 15 s and was stopped') : 'log.contains(\'The training JVM did not finish within 5 s and was stopped\')'
assert log.contains('Raise <timeout> (property pkgimage.timeout, in seconds)') : 'log.contains(\'Raise <timeout> (property pkgimage.timeout, in seconds)\')'
assert log.contains('hanging now') : 'log.contains(\'hanging now\')'
