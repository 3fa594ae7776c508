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
def plain = totals(new File(target, 'surefire-plain'))
def withHarness = totals(new File(target, 'surefire-soundness'))
println "soundness of commons-cli 1.4's own tests (JUnit 4, Vintage): ${counts} (${judged} judged, ${report.classes.size()} classes, ${report.batches.size()} batches)"
report.tests.findAll { it.verdict != 'SOUND' }.each { println "  ${it.verdict} ${it.class} ${it.test}: ${it.detail.take(400)}" }
println String.format(Locale.ROOT, 'wall time: plain mvn test %.1f s, judged %.1f s: %.2fx', wall('default-test'), wall('soundness'), wall('soundness') / wall('default-test'))
println "Surefire: plain ${plain}, judged ${withHarness}"

// every test judged, each with the result it has plainly, and all of them sound
assert plain.tests > 300 : "only ${plain.tests} tests ran plainly"
assert withHarness == plain : "the harness changed the results: plain ${plain}, with it ${withHarness}"
assert judged == plain.tests
assert counts.SOUND == judged : "not all SOUND: ${counts}"
assert report.batches.every { it.imageClassesFromArchive > 0 } : 'every imaged JVM used the image'
assert new File(target, 'pkgimage/soundness/runs/batch-1/plain/run.log').text.contains('[engine:junit-vintage]')
// JUnit 4 tests, judged through the Vintage engine and reported as they are plainly
assert new File(target, 'surefire-soundness').listFiles().any { it.name == 'TEST-org.apache.commons.cli.HelpFormatterTest.xml' }
