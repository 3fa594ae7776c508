evaluate(new File(itSources, 'image-entries.groovy'))

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 2 : builds.size()
def coordinates = 'it.onerun:judged-orders:1.0'

// 1: Surefire's one JVM recorded, compile wrote the image from it
assert builds[0].contains("Training ${coordinates} from the build's Surefire run: 1 test JVMs recorded, 6 tests run, 0 failed") : builds[0]
assert !builds[0].contains("Training ${coordinates} with 3 test classes on")

// 2: the harness judged every test against build 1's image, all SOUND; its plain JVMs and the test JVM recorded, and
// compile wrote the next image from them without a training run of its own
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pkgimage/soundness/report.json'))
assert report.counts.SOUND == 6 && report.counts.values().sum() == 6 : report.counts
def recorded = builds[1] =~ /Training ${java.util.regex.Pattern.quote(coordinates)} from the build's Surefire run: (\d+) test JVMs recorded, 6 tests run, 0 failed, 0 skipped in 3 test classes/
assert recorded : builds[1]
def jvms = recorded[0][1] as int
assert jvms >= 2 : "the test JVM and at least one plain JVM of the harness: ${jvms}"
assert !builds[1].contains("Training ${coordinates} with 3 test classes on") : 'no third run of the tests'
def wrote = builds[1] =~ /Wrote judged-orders-1\.0-pkgimage\.jar, part tests: 2 of the package's 3 classes, (\d+) classes of \d+ dependencies/
assert wrote && (wrote[0][1] as int) > 400 : "the plain JVMs ran the tests, Jackson's classes with them: ${builds[1]}"
def properties = imageEntries(new File(basedir, 'target/judged-orders-1.0-pkgimage.jar'))['pkgimage/image.properties']
assert properties.contains('tests.origin=surefire') && properties.contains("tests.jvms=${jvms}") : properties
