evaluate(new File(itSources, 'image-entries.groovy'))

def log = new File(basedir, 'build.log').text
// Failsafe itself ran ReportIT (not SlowIT), and so did the recording, with Failsafe's settings
assert log.contains('Recording the integration tests of it.record:record-failsafe:1.0: 1 test classes on') : log
assert log =~ /Wrote record-failsafe-1\.0-pkgimage\.jar, part integration-tests: \d+ of the package's 2 classes/ : log
assert log =~ /integration-tests \(integration-tests: 1 run, 0 failed, \d+ classes\)/ : log

def entries = imageEntries(new File(basedir, 'target/record-failsafe-1.0-pkgimage.jar'))
def props = entries['pkgimage/image.properties']
def tests = entries['pkgimage/tests/classlist.txt']
def its = entries['pkgimage/integration-tests/classlist.txt']
assert props.contains('parts=tests,integration-tests\n') : props
assert props.contains('integration-tests.run=1\n') && props.contains('integration-tests.failed=0\n') : props
assert its =~ /(?m)^class it\/record\/Report [0-9a-f]{64}$/ : its
assert its =~ /(?m)^class com\/google\/gson\/GsonBuilder [0-9a-f]{64}$/ : its
assert !its.contains('ReportIT') && !its.contains('org/junit/') : 'test classes stay out: ' + its
assert !tests.contains('it/record/Report ') : tests
assert tests.contains('class it/record/Counter ') : tests

// the second build: unchanged, so both parts are reused
def second = log.substring(log.lastIndexOf('Scanning for projects'))
assert second.contains('is up to date for its integration-tests part') : second
assert second.contains('is up to date for its tests part') : second
