evaluate(new File(itSources, 'soundness-reports.groovy'))

def run = compare(basedir, "commons-cli 1.9.0's own tests (JUnit 5)")
allSound(run, 700)
assert run.report.batches.size() == 1 : 'a suite this small runs in one pair of JVMs'
// training followed Surefire's workingDirectory: the three tests that open a file relative to it passed there too
assert new File(basedir, 'build.log').text =~ /tests \d+ run, 0 failed/
// a suite that trained in seconds gets children that stop at C1, both of them, and says so; the imaged one started
// once its archive was linked (the link began while Surefire's JVM was still discovering the tests)
def soundness = new File(basedir, 'target/pkgimage/soundness')
['plain', 'imaged'].each {
    assert new File(soundness, "runs/batch-1/${it}/child.args").text.contains('"-XX:TieredStopAtLevel=1"') : it
}
assert new File(basedir, 'build.log').text.contains('the suite is short, so they stop at C1 (-XX:TieredStopAtLevel=1)')
assert run.report.batches.every { it.imagedWaitedForArchiveMs >= 0 && it.jvmImagedMs > 0 }
