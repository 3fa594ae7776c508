evaluate(new File(itSources, 'soundness-reports.groovy'))

def run = compare(basedir, "commons-cli 1.9.0's own tests (JUnit 5)")
allSound(run, 700)
assert run.report.batches.size() == 1 : 'a suite this small runs in one pair of JVMs'
// training followed Surefire's workingDirectory: the three tests that open a file relative to it passed there too
assert new File(basedir, 'build.log').text =~ /tests \d+ run, 0 failed/
