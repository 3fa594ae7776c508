evaluate(new File(itSources, 'soundness-reports.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

def log = new File(basedir, 'build.log').text

// training found the persistence unit's entities by scanning its root, as Surefire's JVM does: every test passed, and
// the image holds the entities and what Hibernate used
assert log.contains('Training it.jpa:jpa-app:1.0 with 1 test classes') : log
def trained = (log =~ /Wrote jpa-app-1\.0-pkgimage\.jar, part tests: (\d+) of the package's 4 classes, (\d+) classes of \d+ dependencies, \d+ JDK classes; tests 5 run, 0 failed/)
assert trained : log
assert (trained[0][1] as int) >= 3 : "only ${trained[0][1]} of the application's classes in the image"
assert (trained[0][2] as int) > 2000 : "only ${trained[0][2]} classes of Hibernate and its dependencies"

// the harness: every test SOUND, the image in the imaged JVM
allSound(compare(basedir, 'the Hibernate application\'s tests'), 5)

// the main, started from the argfile, finds the same entities and gets the same proxies as on Maven's class path
def runs = plainAndImaged(basedir, 'jpa-app', 'it.jpa.Main', 'it.jpa.Author')
def line = { String out -> out.readLines().find { it.startsWith('jpa-app: ') } }
println "plain:  ${line(runs.plain)}\nimaged: ${line(runs.imaged)}"
assert line(runs.plain) == 'jpa-app: entities=2 shelves=Stanislaw=1,Ursula=2 titles=[The Dispossessed, The Left Hand of Darkness] proxy=true/false/Ursula/true'
assert line(runs.imaged) == line(runs.plain)
