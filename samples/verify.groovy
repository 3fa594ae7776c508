// Run by it/ (maven-invoker-plugin, execution "samples") after `mvn install` of this reactor:
// checks the package images that pkgimage:compile wrote for the samples.
import java.util.zip.ZipFile

def read(File image, String entry) {
    def zip = new ZipFile(image)
    try {
        return zip.getInputStream(zip.getEntry(entry)).getText('UTF-8')
    } finally {
        zip.close()
    }
}

def entries(File image) {
    def zip = new ZipFile(image)
    try {
        return zip.entries().collect { it.name }
    } finally {
        zip.close()
    }
}

def image(String module) {
    def f = new File(basedir, "${module}/target/${module}-1.0.0-SNAPSHOT-pkgimage.jar")
    assert f.isFile() : "no image for ${module} at ${f}"
    return f
}

def orders = image('json-orders')
def props = read(orders, 'pkgimage/image.properties')
assert props.contains('coordinates=io.pkgimage.samples:json-orders:1.0.0-SNAPSHOT') : props
assert props.contains('tests.mode=tests') : props
assert props.contains('tests.run=10') : props
assert props.contains('tests.failed=0') : props
// trained by the build's own Surefire run (pkgimage:prepare in the samples' parent), not by a second run of the tests
assert props.contains('tests.origin=surefire\ntests.jvms=1\n') : props
// every class the package owns is fingerprinted
def fingerprints = read(orders, 'pkgimage/classes.sha256').readLines()
assert fingerprints.size() == 5 : fingerprints
assert fingerprints.every { it ==~ /[0-9a-f]{64} io\/pkgimage\/samples\/orders\/\w+/ } : fingerprints
// the tests' classlist, split by owner: the package, Jackson by coordinates, the JDK
def classlist = read(orders, 'pkgimage/tests/classlist.txt')
assert classlist.startsWith('[self]\nclass io/pkgimage/samples/orders/LineItem ') : 'self section first'
assert classlist.contains('class io/pkgimage/samples/orders/OrderCodec ') : 'OrderCodec was loaded by the tests'
assert classlist.contains('[dependency com.fasterxml.jackson.core:jackson-databind:2.20.1]\n') : 'jackson-databind section'
assert classlist =~ /(?m)^class com\/fasterxml\/jackson\/databind\/ObjectMapper [0-9a-f]{64}$/ : 'ObjectMapper with fingerprint'
assert classlist =~ /(?m)^class java\/lang\/Object$/ : 'JDK classes have no fingerprint'
assert !classlist.contains('OrderCodecTests') : 'test classes are not part of the image'
assert !classlist.contains('org/junit/') && !classlist.contains('org/assertj/') : 'test-only dependencies are not part of the image'

def contacts = image('gson-contacts')
assert read(contacts, 'pkgimage/tests/classlist.txt').contains('[dependency com.google.code.gson:gson:2.13.2]\n') : 'gson section'

// the application's image lists no images of its dependencies: format 3 dropped that entry, which nothing read
def appEntries = entries(image('app'))
assert !appEntries.contains('pkgimage/dependency-images.txt') && !appEntries.contains('pkgimage/hot-methods.txt') : appEntries

// the application's image holds its real workload too: its start-up, recorded by pkgimage:record
def app = image('app')
def appProps = read(app, 'pkgimage/image.properties')
assert appProps.contains('parts=tests,main\n') : appProps
assert appProps.contains('main.mode=main\n') && appProps.contains('main.run=1\n') : appProps
def startup = read(app, 'pkgimage/main/classlist.txt')
assert startup =~ /(?m)^class io\/pkgimage\/samples\/app\/Startup [0-9a-f]{64}$/ : startup
assert startup =~ /(?m)^class io\/pkgimage\/samples\/orders\/OrderCodec [0-9a-f]{64}$/ : startup
