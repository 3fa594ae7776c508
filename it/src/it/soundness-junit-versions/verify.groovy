import groovy.json.JsonSlurper

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
// every test case by class and name, and how it ended
def cases = { File dir ->
    def all = [:]
    dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { f ->
        def found = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f).getElementsByTagName('testcase')
        for (int i = 0; i < found.length; i++) {
            def c = found.item(i)
            def has = { String tag -> c.getElementsByTagName(tag).length > 0 }
            all["${c.getAttribute('classname')}#${c.getAttribute('name')}"] = has('failure') ? 'failure' : has('error') ? 'error' : has('skipped') ? 'skipped' : 'passed'
        }
    }
    all
}

['junit-5.10', 'junit-5.10-bom', 'junit-5.14', 'junit-5.14-bom', 'junit-6.0', 'junit-6.0-bom'].each { module ->
    def target = new File(basedir, "${module}/target")
    def plain = totals(new File(target, 'surefire-plain'))
    def judged = totals(new File(target, 'surefire-soundness'))
    println "${module}: plain ${plain}, with the harness ${judged}"
    assert plain.tests == 14 : "${module}: ${plain}"
    assert plain == judged : "${module}: the harness changed the results: plain ${plain}, with it ${judged}"
    assert cases(new File(target, 'surefire-plain')) == cases(new File(target, 'surefire-soundness'))
    // the project's own JUnit ran, plain and in the harness's JVMs (the test asserts the version)
    assert cases(new File(target, 'surefire-soundness')).findAll { k, v -> k.endsWith('#runsTheProjectsOwnJUnit') || k.endsWith('#runsTheProjectsOwnJUnit()') }.values() as List == ['passed']
    def report = new JsonSlurper().parse(new File(target, 'pkgimage/soundness/report.json'))
    println "  verdicts: ${report.counts}"
    // every test judged: sound, but for the two that fail plain too
    assert report.counts.values().sum() == 14
    assert report.counts.UNSOUND_TEST == 2
    assert report.counts.SOUND == 12
    assert report.batches.size() == 1 && report.batches[0].imageClassesFromArchive > 0
    def args = new File(target, 'pkgimage/soundness/runs/batch-1/imaged/child.args').text
    def version = new File(basedir, "${module}/pom.xml").text.find(/<junit.version>([^<]+)</) { m, v -> v }
    assert args.contains("junit-jupiter-api-${version}.jar") : "${module}: ${version} not on the children's class path"
    assert !(args =~ /junit-jupiter-api-(?!${java.util.regex.Pattern.quote(version)}\.jar)/) : "${module}: another JUnit on the class path"
}
println 'every module gives the same results with the harness, on its own JUnit'
