evaluate(new File(itSources, 'soundness-reports.groovy'))

def run = compare(basedir, "commons-cli 1.4's own tests (JUnit 4, through the Vintage engine)")
def counts = run.report.counts

// every JUnit 4 test judged, each reported as it is plainly, and all of them sound
assert run.plain.tests > 300 : "only ${run.plain.tests} tests ran plainly"
assert run.judged == run.plain : "the harness changed the results: plain ${run.plain}, with it ${run.judged}"
assert counts.values().sum() == run.plain.tests
assert counts.SOUND == run.plain.tests : "not all SOUND: ${counts}"
assert run.report.batches.every { it.imageClassesFromArchive > 0 } : 'every imaged JVM used the image'
assert new File(basedir, 'target/pkgimage/soundness/runs/batch-1/plain/run.log').text.contains('[engine:junit-vintage]')
assert cases(new File(basedir, 'target/surefire-soundness')).keySet().any { it.startsWith('org.apache.commons.cli.HelpFormatterTest#') }
