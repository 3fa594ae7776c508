evaluate(new File(itSources, 'soundness-reports.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

def log = new File(basedir, 'build.log').text

// training discovered the beans as Surefire's JVM does: every test passed, and the image holds the application's
// beans and what the container used of Weld
assert log.contains('Training it.weld:weld-app:1.0 with 1 test classes') : log
def trained = (log =~ /Wrote weld-app-1\.0-pkgimage\.jar, part tests: (\d+) of the package's 13 classes, (\d+) classes of \d+ dependencies, \d+ JDK classes; tests 5 run, 0 failed/)
assert trained : log
assert (trained[0][1] as int) >= 10 : "only ${trained[0][1]} of the application's classes in the image"
assert (trained[0][2] as int) > 500 : "only ${trained[0][2]} classes of Weld and its dependencies"

// the harness: every test SOUND, the image in the imaged JVM
allSound(compare(basedir, 'the Weld SE application\'s tests'), 5)

// the main, started from the argfile, discovers the same beans and proxies as on Maven's class path
def runs = plainAndImaged(basedir, 'weld-app', 'it.weld.Main', 'it.weld.GreetingService')
def line = { String out -> out.readLines().find { it.startsWith('weld-app: ') } }
println "plain:  ${line(runs.plain)}\nimaged: ${line(runs.imaged)}"
assert line(runs.plain) == 'weld-app: Good day, Ada!; Good day, Grace!; observed=[Ada, Grace] audited=2'
assert line(runs.imaged) == line(runs.plain)
