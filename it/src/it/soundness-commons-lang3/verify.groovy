import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log')
def lines = log.readLines()
def target = new File(basedir, 'target')

// wall time of a Surefire execution, from the time stamps of its first log line to the next goal's
def millis = { String l -> def m = l =~ /^(\d\d):(\d\d):(\d\d)\.(\d\d\d) /; m ? ((m[0][1] as long) * 3600 + (m[0][2] as long) * 60 + (m[0][3] as long)) * 1000 + (m[0][4] as long) : null }
def wall = { String execution ->
    int start = lines.findIndexOf { it.contains(":test (${execution}) @") }
    int end = (start + 1..<lines.size()).find { lines[it] =~ /\[INFO\] (--- |BUILD )/ }
    (millis(lines[end]) - millis(lines[start])) / 1000.0
}
// Surefire's totals in a reports folder, counted from its test cases (a suite's header can say 0 for nested classes)
def totals = { File dir ->
    def t = [tests: 0, failures: 0, errors: 0, skipped: 0]
    dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { f ->
        def found = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f).getElementsByTagName('testcase')
        for (int i = 0; i < found.length; i++) {
            def c = found.item(i)
            t.tests++
            ['failure': 'failures', 'error': 'errors', 'skipped': 'skipped'].each { tag, k -> if (c.getElementsByTagName(tag).length > 0) t[k]++ }
        }
    }
    t
}

def report = new JsonSlurper().parse(new File(target, 'pkgimage/soundness/report.json'))
def counts = report.counts
def judged = counts.values().sum()
def plainSeconds = wall('default-test')
def judgedSeconds = wall('soundness')
println "soundness of commons-lang3 3.17.0's own tests: ${counts} (${judged} judged) in ${report.batches.size()} batches"
report.tests.findAll { it.verdict != 'SOUND' }.each { println "  ${it.verdict} ${it.class} ${it.test}: ${it.detail.take(400)}" }
println String.format(Locale.ROOT, 'wall time: plain mvn test %.1f s, judged %.1f s: %.2fx', plainSeconds, judgedSeconds, judgedSeconds / plainSeconds)
println "Surefire: plain ${totals(new File(target, 'surefire-plain'))}, judged ${totals(new File(target, 'surefire-soundness'))}"

// the image was trained on the library's own tests, and the harness was not run inside the training JVM
assert log.text =~ /Training it\.soundness:commons-lang3-soundness:1\.0 with \d+ test classes/ : 'trained'
assert new File(target, 'commons-lang3-soundness-1.0-pkgimage.jar').isFile()
// thousands of tests judged, in batches whose imaged JVMs loaded commons-lang3 classes from the archive
assert judged > 5000 : "only ${judged} tests judged"
assert report.classes.size() > 200 : "only ${report.classes.size()} classes ran"
assert report.batches.size() > 1 && report.batches.size() < report.classes.size() / 10 : "${report.batches.size()} batches"
assert report.batches.every { it.imageClassesFromArchive > 0 } : 'every imaged JVM used the image'
assert log.text =~ /\[pkgimage\] soundness: batch \d+ done, \d+ of \d+ test classes judged; \d+ SOUND/ : 'progress'
// at least 99.9% SOUND, and no test gives another result with the image
assert counts.SOUND >= 0.999 * judged : "only ${counts.SOUND} of ${judged} SOUND"
assert counts.IMAGE_DIVERGENCE == 0 : 'a divergence'
assert counts.MISSING == 0 : 'a test missing from a child run'
// every test the plain run ran was judged
assert totals(new File(target, 'surefire-soundness')).tests == totals(new File(target, 'surefire-plain')).tests
assert new File(target, 'pkgimage/soundness/report.html').text.contains('First test of each class')
assert new File(target, 'pkgimage/soundness/durations.properties').text.contains('org.apache.commons.lang3.StringUtilsTest=')
// both JVMs of a batch mapped an archive of the test infrastructure: JUnit from it, commons-lang3 only in the imaged one
def link = new File(target, 'pkgimage/soundness/link')
assert new File(link, 'soundness-plain.jsa').isFile() : 'the plain JVMs had no archive of the test infrastructure'
assert !new File(link, 'soundness-plain.classlist').text.contains('org/apache/commons/lang3/')
def batch = new File(target, 'pkgimage/soundness/runs/batch-1')
def plainLog = new File(batch, 'plain/class-load.log').text
assert plainLog.contains('org.junit.jupiter.engine.JupiterTestEngine source: shared objects file')
assert plainLog =~ /org\.apache\.commons\.lang3\.\w+ source: file:.*commons-lang3-3\.17\.0\.jar/
assert new File(batch, 'imaged/class-load.log').text =~ /org\.apache\.commons\.lang3\.\w+ source: shared objects file/
