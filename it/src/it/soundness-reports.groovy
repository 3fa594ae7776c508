// Shared by the soundness builds' verify.groovy (evaluate(new File(itSources, 'soundness-reports.groovy'))): what
// Surefire and the harness wrote, read the same way everywhere.

// every test case of a Surefire reports folder by "class#name", and how it ended (a suite's header can say 0 tests for
// nested classes, so the cases are counted)
cases = { File dir ->
    def all = [:]
    dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.sort().each { f ->
        def found = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f).getElementsByTagName('testcase')
        for (int i = 0; i < found.length; i++) {
            def c = found.item(i)
            def has = { String tag -> c.getElementsByTagName(tag).length > 0 }
            all["${c.getAttribute('classname')}#${c.getAttribute('name')}"] = has('failure') ? 'failure' : has('error') ? 'error' : has('skipped') ? 'skipped' : 'passed'
        }
    }
    all
}

// Surefire's totals: tests, failures, errors, skipped
totals = { File dir ->
    def outcomes = cases(dir).values()
    [tests: outcomes.size(), failures: outcomes.count { it == 'failure' }, errors: outcomes.count { it == 'error' }, skipped: outcomes.count { it == 'skipped' }]
}

// seconds a Surefire execution took, by the time stamps of its first log line and of the next goal's
// (invoker.mavenOpts sets -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)
wall = { File log, String execution ->
    def lines = log.readLines()
    def millis = { String l -> def m = l =~ /^(\d\d):(\d\d):(\d\d)\.(\d\d\d) /; ((m[0][1] as long) * 3600 + (m[0][2] as long) * 60 + (m[0][3] as long)) * 1000 + (m[0][4] as long) }
    int start = lines.findIndexOf { it.contains(":test (${execution}) @") }
    int end = (start + 1..<lines.size()).find { lines[it] =~ /\[INFO\] (--- |BUILD )/ }
    (millis(lines[end]) - millis(lines[start])) / 1000.0
}

// the plain and the judged run of a module's tests, side by side: verdicts, what was not sound, wall times, totals
compare = { File basedir, String what ->
    def target = new File(basedir, 'target')
    def report = new groovy.json.JsonSlurper().parse(new File(target, 'pkgimage/soundness/report.json'))
    def log = new File(basedir, 'build.log')
    def result = [report: report, plain: totals(new File(target, 'surefire-plain')),
                  judged: totals(new File(target, 'surefire-soundness')),
                  plainSeconds: wall(log, 'default-test'), judgedSeconds: wall(log, 'soundness')]
    println "soundness of ${what}: ${report.counts} (${report.counts.values().sum()} judged, ${report.classes.size()} classes, ${report.batches.size()} batches)"
    report.tests.findAll { it.verdict != 'SOUND' }.each { println "  ${it.verdict} ${it.class} ${it.test}: ${it.detail.take(400)}" }
    println String.format(Locale.ROOT, 'wall time: plain mvn test %.1f s, judged %.1f s: %.2fx', result.plainSeconds, result.judgedSeconds, result.judgedSeconds / result.plainSeconds)
    println "Surefire: plain ${result.plain}, judged ${result.judged}"
    result
}

// a suite with no failing test: every test judged, each reported as plainly, all SOUND, the image in every imaged JVM
allSound = { run, int atLeast ->
    def counts = run.report.counts
    assert run.plain.tests >= atLeast : "only ${run.plain.tests} tests ran plainly"
    assert run.judged == run.plain : "the harness changed the results: plain ${run.plain}, with it ${run.judged}"
    assert counts.values().sum() == run.plain.tests
    assert counts.SOUND == run.plain.tests : "not all SOUND: ${counts}"
    assert run.report.batches.every { it.imageClassesFromArchive > 0 } : 'every imaged JVM used the image'
}
