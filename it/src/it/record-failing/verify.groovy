def log = new File(basedir, 'build.log').text
// System.exit(3): a failed run, reported as a warning with the exit code, the image still written
assert log =~ /1 run of the workload failed during training; the image is built from what ran[^\n]*\n\s+it\.record\.Startup\.main \[exit\] — System\.exit\(3\)/ : log
assert log.contains('Wrote record-failing-1.0-pkgimage.jar, part main') : log
// an exception with failOnTrainingFailure: the build fails, naming the workload and the cause
assert log.contains('1 run of the workload failed while training it.record:record-failing:1.0 (failOnTrainingFailure is set):') : log
assert log.contains('it.record.Startup.main [throw] — java.lang.IllegalStateException: the configuration file config/app.toml is missing') : log
assert log.contains('BUILD FAILURE') : log
