evaluate(new File(itSources, 'soundness-reports.groovy'))

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
    def report = new groovy.json.JsonSlurper().parse(new File(target, 'pkgimage/soundness/report.json'))
    println "  verdicts: ${report.counts}"
    // every test judged: sound, but for the two that fail plain too
    assert report.counts.values().sum() == 14
    assert report.counts.UNSOUND_TEST == 2
    assert report.counts.SOUND == 12
    assert report.batches.size() == 1 && report.batches[0].imageClassesFromArchive > 0
    def args = new File(target, 'pkgimage/soundness/runs/batch-1/imaged/child.args').text
    def version = new File(basedir, "${module}/pom.xml").text.find(/<junit.version>([^<]+)</) { m, v -> v }
    assert args.contains("junit-jupiter-api-${version}.jar") : "${module}: ${version} not on the children's class path"
    // pkgimage-junit brings no ASM of its own onto the test class path (core's is shaded)
    assert !(args =~ /\/asm-\d/) : "${module}: ASM on the test class path"
    assert !(args =~ /junit-jupiter-api-(?!${java.util.regex.Pattern.quote(version)}\.jar)/) : "${module}: another JUnit on the class path"
}
println 'every module gives the same results with the harness, on its own JUnit'
