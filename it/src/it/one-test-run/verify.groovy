evaluate(new File(itSources, 'image-entries.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 4 : builds.size()
def coordinates = 'it.onerun:orders:1.0'
def surefireRuns = { String build -> (build =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed/).size() }
def wrote = { String build ->
    def m = build =~ /Wrote orders-1\.0-pkgimage\.jar, part tests: (\d+) of the package's (\d+) classes, (\d+) classes of \d+ dependencies, (\d+) JDK classes; tests (\d+) run, (\d+) failed/
    assert m : build
    [own: m[0][1] as int, deps: m[0][3] as int, jdk: m[0][4] as int, run: m[0][5] as int, failed: m[0][6] as int]
}

// 1: without prepare, compile runs the tests a second time in its own training JVM, saying why
assert surefireRuns(builds[0]) == 3 : 'Surefire ran the three test classes'
assert builds[0].contains("Training ${coordinates} by running its tests again: there is no recording of the build's test run") : builds[0]
assert builds[0].contains("Training ${coordinates} with 3 test classes on") : builds[0]
def selfTrained = wrote(builds[0])
assert selfTrained.run == 6 && selfTrained.failed == 0

// 2: the image is for JDK 25, the tests ran on Maven's JDK 17: the recording is not used, and it says which JDK ran
assert builds[1].contains("The Surefire JVMs of orders record what they load into") : builds[1]
assert builds[1] =~ /Training ${java.util.regex.Pattern.quote(coordinates)} by running its tests again: the build's test JVMs ran on JDK 17\.\S+, and the image is for 25\./ : builds[1]
assert builds[1].contains("Training ${coordinates} with 3 test classes on") : builds[1]
assert builds[1].contains('BUILD SUCCESS')

// 3: -DskipTests: nothing recorded, nothing trained, each said
assert builds[2].contains("Skipping pkgimage:prepare of orders (property 'skipTests' is true)") : builds[2]
assert builds[2].contains("Skipping pkgimage:compile of orders (property 'skipTests' is true)") : builds[2]
assert !builds[2].contains('record what they load') : builds[2]

// 4: one test run: Surefire's three JVMs (forkCount=2, reuseForks=false) recorded, compile took the image from them
assert surefireRuns(builds[3]) == 3 : 'Surefire ran the three test classes'
assert builds[3].contains("The Surefire JVMs of orders record what they load into") : builds[3]
assert builds[3] =~ /argLine = -Dit\.onerun\.fromArgLine=yes -XX:DumpLoadedClassList=\S+classlist-%p\.txt -Xlog:gc\+init=info:file=\S+jvm-%p\.log/ : builds[3]
assert builds[3].contains("Training ${coordinates} from the build's Surefire run: 3 test JVMs recorded, 6 tests run, 0 failed, 0 skipped in 3 test classes") : builds[3]
assert !builds[3].contains("Training ${coordinates} with 3 test classes on") : 'no second test run'
def recording = new File(basedir, 'target/pkgimage/recording/surefire')
def classlists = recording.listFiles().findAll { it.name ==~ /classlist-pid\d+\.txt/ }
assert classlists.size() == 3 : recording.list()
def fromSurefire = wrote(builds[3])
assert fromSurefire.run == 6 && fromSurefire.failed == 0
// the same classes of the library as when compile trained itself; of the dependencies and the JDK about as many
// (Surefire's own booter loads some JDK classes the training child does not, and the reverse)
assert fromSurefire.own == selfTrained.own : "${fromSurefire} against ${selfTrained}"
assert Math.abs(fromSurefire.deps - selfTrained.deps) <= selfTrained.deps.intdiv(10) : "${fromSurefire} against ${selfTrained}"
def image = imageEntries(new File(basedir, 'target/orders-1.0-pkgimage.jar'))
def properties = image['pkgimage/image.properties']
assert properties.contains('tests.origin=surefire') && properties.contains('tests.jvms=3') : properties

// the image linked and run: the library and Jackson from the archive, the same answer as on Maven's class path
def runs = plainAndImaged(basedir, 'orders', 'it.onerun.Main', 'it.onerun.Orders')
assert runs.plain.contains('orders: {"id":"A-1","items":["tea","milk"],"total":4.5} total=9.0') : runs.plain
assert runs.imaged == runs.plain
