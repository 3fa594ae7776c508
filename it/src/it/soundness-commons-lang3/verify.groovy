import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/pkgimage/soundness/report.json'))
def counts = report.counts
def judged = counts.values().sum()
def sound = counts.SOUND
println "soundness of commons-lang3 3.17.0's own tests: ${counts} (${judged} judged)"
report.tests.findAll { it.verdict != 'SOUND' }.each { println "  ${it.verdict} ${it.class} ${it.test}: ${it.detail}" }

// the image was trained on the library's own tests, and the harness was not run inside the training JVM
assert log =~ /Training it\.soundness:commons-lang3-soundness:1\.0 with \d+ test classes/ : 'trained'
assert new File(basedir, 'target/commons-lang3-soundness-1.0-pkgimage.jar').isFile()
// thousands of tests judged, every class in fresh JVMs that loaded commons-lang3 classes from the archive
assert judged > 5000 : "only ${judged} tests judged"
assert report.classes.size() > 200 : "only ${report.classes.size()} classes ran"
assert report.classes.every { it.imageClassesFromArchive > 0 } : 'every imaged JVM used the image'
// at least 99% SOUND, and no test gives another result with the image
assert sound >= 0.99 * judged : "only ${sound} of ${judged} SOUND"
assert counts.IMAGE_DIVERGENCE == 0 : 'a divergence'
assert counts.MISSING == 0 : 'a test missing from a child run'
assert new File(basedir, 'target/pkgimage/soundness/report.html').text.contains('First test of each class')
// both JVMs of a class mapped an archive of the test infrastructure: JUnit from it, commons-lang3 only in the imaged one
def link = new File(basedir, 'target/pkgimage/soundness/link')
assert new File(link, 'tests-plain.jsa').isFile() : 'the plain JVMs had no archive of the test infrastructure'
assert !new File(link, 'tests-plain.classlist').text.contains('org/apache/commons/lang3/')
def round = new File(basedir, 'target/pkgimage/soundness/runs/org.apache.commons.lang3.StringUtilsTest/round-1')
def plainLog = new File(round, 'plain/class-load.log').text
assert plainLog.contains('org.junit.jupiter.engine.JupiterTestEngine source: shared objects file')
assert plainLog =~ /org\.apache\.commons\.lang3\.StringUtils source: file:.*commons-lang3-3\.17\.0\.jar/
assert new File(round, 'imaged/class-load.log').text.contains('org.apache.commons.lang3.StringUtils source: shared objects file')
