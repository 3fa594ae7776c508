evaluate(new File(itSources, 'image-entries.groovy'))

def log = new File(basedir, 'build.log').text
// the workload ran with its arguments and JVM options, in a training JVM
assert log.contains('Recording the workload it.record.Startup [Ada, Grace] of it.record:record-main:1.0') : log
assert log =~ /Wrote record-main-1\.0-pkgimage\.jar, part main: 1 of the package's 2 classes, \d+ classes of 1 dependencies/ : log
assert log =~ /The image holds tests \(tests: 1 run, 0 failed, \d+ classes\), main \(main: 1 run, 0 failed, \d+ classes\)/ : log

def entries = imageEntries(new File(basedir, 'target/record-main-1.0-pkgimage.jar'))
def props = entries['pkgimage/image.properties']
def tests = entries['pkgimage/tests/classlist.txt']
def main = entries['pkgimage/main/classlist.txt']
assert props.contains('parts=tests,main\n') : props
assert props.contains('main.mode=main\n') && props.contains('main.run=1\n') && props.contains('main.failed=0\n') : props
// the main class and what it used of Gson are in the main part; the tests never loaded them
assert main =~ /(?m)^class it\/record\/Startup [0-9a-f]{64}$/ : main
assert main.contains('[dependency com.google.code.gson:gson:2.13.2]\n') : main
assert main =~ /(?m)^class com\/google\/gson\/Gson [0-9a-f]{64}$/ : main
assert !tests.contains('it/record/Startup') : tests
assert !tests.contains('com/google/gson/Gson ') : tests
assert tests.contains('class it/record/Slug ') : tests

// the second build: nothing changed, so both parts are reused, and the link takes both
def second = log.substring(log.lastIndexOf('Scanning for projects'))
assert second.contains('is up to date for its tests part') : second
assert second.contains('is up to date for its main part') : second
assert !second.contains('Recording the workload') : second
def report = new File(basedir, 'target/pkgimage/record-main-link.txt').text
assert report =~ /image it\.record:record-main:1\.0 \(tests, main\): kept \d+ entries, dropped 0 changed, 0 missing/ : report
assert report =~ /proof: -Xshare:on started; (\d+) of \1 classpath classes loaded from the archive/ : report
