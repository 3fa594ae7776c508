evaluate(new File(itSources, 'image-entries.groovy'))

def log = new File(basedir, 'build.log').text
def coordinates = 'it.record:one-test-run-failsafe:1.0'
// the unit tests: Surefire's JVM recorded them
assert log.contains("Training ${coordinates} from the build's Surefire run: 1 test JVMs recorded, 1 tests run, 0 failed, 0 skipped in 1 test classes") : log
// Failsafe's JVM recorded ReportIT (SlowIT excluded as Failsafe excludes it), with prepare's options replaced
assert log =~ /The Failsafe JVMs of one-test-run-failsafe record what they load into \S+recording\/failsafe, so that pkgimage:record takes the image from this test run instead of running the tests again\. argLine = -XX:DumpLoadedClassList=\S+\/failsafe\/classlist-%p\.txt -Xlog:gc\+init=info:file=\S+\/failsafe\/jvm-%p\.log\n/ : log
assert log.contains("Training ${coordinates} from the build's Failsafe run: 1 test JVMs recorded, 1 tests run, 0 failed, 0 skipped in 1 test classes") : log
assert !log.contains('Recording the integration tests of') : 'no second run of the integration tests'
assert !log.contains("Training ${coordinates} with") : 'no second run of the unit tests'

def entries = imageEntries(new File(basedir, 'target/one-test-run-failsafe-1.0-pkgimage.jar'))
def props = entries['pkgimage/image.properties']
def its = entries['pkgimage/integration-tests/classlist.txt']
assert props.contains('parts=tests,integration-tests\n') : props
assert props.contains('tests.origin=surefire\n') && props.contains('integration-tests.origin=failsafe\n') : props
assert props.contains('integration-tests.run=1\n') && props.contains('integration-tests.failed=0\n') : props
assert its =~ /(?m)^class it\/record\/Report [0-9a-f]{64}$/ : its
assert its =~ /(?m)^class com\/google\/gson\/GsonBuilder [0-9a-f]{64}$/ : its
assert !its.contains('ReportIT') && !its.contains('org/junit/') : 'test classes stay out: ' + its
