evaluate(new File(itSources, 'image-entries.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

def log = new File(basedir, 'build.log').text
def coordinates = 'it.onerun:orders25:1.0'
assert log.contains("Training ${coordinates} from the build's Surefire run: 3 test JVMs recorded, 6 tests run, 0 failed, 0 skipped in 3 test classes") : log
assert !log.contains("Training ${coordinates} with") : 'no second run of the tests'
def image = imageEntries(new File(basedir, 'target/orders25-1.0-pkgimage.jar'))
assert image['pkgimage/image.properties'] =~ /jdk\.feature=25\n/ : image['pkgimage/image.properties']
def classlist = image['pkgimage/tests/classlist.txt']
// JDK 25's recording: resolved constant-pool entries of the library's own classes and of Jackson's, and lambda lines
assert classlist =~ /(?m)^@cp it\/onerun\/Orders( \d+)+$/ : classlist.readLines().findAll { it.contains('it/onerun') }
assert classlist =~ /(?m)^@cp com\/fasterxml\/jackson\/databind\/ObjectMapper( \d+)+$/
assert classlist =~ /(?m)^@lambda-/ : 'lambda lines'

// linked for JDK 25 and run on it: the library from the archive, the same answer as plain
def jdk25 = jdkHome(25)
def argfile = new File(basedir, 'target/pkgimage/orders25.args')
def java25 = new File(jdk25, 'bin/java').path
def run = { List<String> args ->
    def p = new ProcessBuilder([java25] + args).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : out
    out
}
def jars = argfileClasspath(argfile)
def plain = run(['-cp', ([new File(basedir, 'target/classes').path] + jars.drop(1)).join(File.pathSeparator), 'it.onerun.Main'])
def imaged = run(['@' + argfile.path, '-Xshare:on', '-Xlog:class+load=info', 'it.onerun.Main'])
assert imaged.contains('it.onerun.Orders source: shared objects file') : imaged.readLines().findAll { it.contains('Orders') }
def answer = { String out -> out.readLines().find { it.startsWith('orders: ') } }
assert answer(plain) == 'orders: {"id":"A-1","items":["tea","milk"],"total":4.5} total=9.0'
assert answer(imaged) == answer(plain)
