evaluate(new File(itSources, 'soundness-reports.groovy'))

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')

// training ran every test as Surefire did, none failing (failOnTrainingFailure is set), and the image holds the
// module's classes that the tests used
assert log.contains('Training it.fidelity:fidelity:1.0 with 1 test classes') : log
assert log =~ /Wrote fidelity-1\.0-pkgimage\.jar, part tests: [3-5] of the package's 5 classes, \d+ classes of \d+ dependencies, \d+ JDK classes; tests 6 run, 0 failed/ : log

// the main ran in a training JVM (record) and from the link (pkgimage:run), each checking what it found
assert log =~ /Wrote fidelity-1\.0-pkgimage\.jar, part main: \d+ of the package's 5 classes, \d+ classes of \d+ dependencies, \d+ JDK classes; main 1 run, 0 failed/ : log
assert log.contains('fidelity {"scan":["English","French"],"manifest":"fidelity"') : log

// the harness: every test SOUND, the plain JVM on Surefire's class path, the imaged one on the archive's jars and
// the test classes as a folder, the test resource that shadows the module's in the small jar at the front
def run = compare(basedir, 'the fidelity tests')
allSound(run, 6)
def batch = new File(target, 'pkgimage/soundness/runs/batch-1')
def classpathOf = { File argfile -> def lines = argfile.readLines(); lines[lines.indexOf('"-cp"') + 1] }
def plainArgs = new File(batch, 'plain/child.args').text
def plainCp = classpathOf(new File(batch, 'plain/child.args'))
def imagedCp = classpathOf(new File(batch, 'imaged/child.args'))
assert plainCp =~ /^"[^"]*target\/test-classes:[^"]*target\/classes:/ : plainCp
assert !plainArgs.contains('SharedArchiveFile') : plainArgs
assert imagedCp =~ /^"[^"]*overlay\.jar:[^"]*classes-[0-9a-f]{8}\.jar:[^"]*gson-2\.13\.2\.jar:.*:[^"]*target\/pkgimage\/soundness\/layout\/folders\/0-test-classes:/ : imagedCp

// the link takes the jar Maven packaged, since it holds what target/classes holds
assert log.contains('Linking the packaged jar ' + new File(target, 'fidelity-1.0.jar')) : log
def args = new File(target, 'pkgimage/fidelity.args').text
assert args.contains(new File(target, 'fidelity-1.0.jar').path) : args

// the main started from the argfile, with the archive mapped, finds what it finds on Maven's class path (folders)
evaluate(new File(itSources, 'app-runs.groovy'))
def runs = plainAndImaged(basedir, 'fidelity', 'it.fidelity.Main', 'it.fidelity.Probe')
def plain = runs.plain.readLines().find { it.startsWith('fidelity ') }
def imaged = runs.imaged.readLines().find { it.startsWith('fidelity ') }
println "plain:  ${plain}\nimaged: ${imaged}"
assert plain == 'fidelity {"scan":["English","French"],"manifest":"fidelity","codeSource":true,"services":["Hello, Ada"],"setting":"main","data":"data of the module"}' : plain
assert imaged == plain
