evaluate(new File(itSources, 'soundness-reports.groovy'))

def run = compare(basedir, "commons-cli 1.9.0's own tests (JUnit 5)")
def counts = run.report.counts

// every test judged, each with the result it has plainly, and all of them sound
assert run.plain.tests > 700 : "only ${run.plain.tests} tests ran plainly"
assert run.judged == run.plain : "the harness changed the results: plain ${run.plain}, with it ${run.judged}"
assert counts.values().sum() == run.plain.tests
assert counts.SOUND == run.plain.tests : "not all SOUND: ${counts}"
assert run.report.batches.every { it.imageClassesFromArchive > 0 } : 'every imaged JVM used the image'
assert run.report.batches.size() == 1 : 'a suite this small runs in one pair of JVMs'
// training followed Surefire's workingDirectory: the three tests that open a file relative to it passed there too
assert new File(basedir, 'build.log').text =~ /tests \d+ run, 0 failed/
