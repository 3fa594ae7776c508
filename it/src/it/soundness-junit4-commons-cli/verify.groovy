evaluate(new File(itSources, 'soundness-reports.groovy'))

def run = compare(basedir, "commons-cli 1.4's own tests (JUnit 4, through the Vintage engine)")
allSound(run, 300)
// the JUnit 4 tests ran in the Vintage engine of the children, and Surefire shows them under their classes
assert new File(basedir, 'target/pkgimage/soundness/runs/batch-1/plain/run.log').text.contains('[engine:junit-vintage]')
assert cases(new File(basedir, 'target/surefire-soundness')).keySet().any { it.startsWith('org.apache.commons.cli.HelpFormatterTest#') }
