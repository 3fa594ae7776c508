evaluate(new File(itSources, 'soundness-reports.groovy'))

def log = new File(basedir, 'build.log')
def target = new File(basedir, 'target')
def run = compare(basedir, "commons-lang3 3.17.0's own tests")
def report = run.report
def counts = report.counts
def judged = counts.values().sum()

// the image was trained on the library's own tests, and the harness was not run inside the training JVM
assert log.text =~ /Training it\.soundness:commons-lang3-soundness:1\.0 with \d+ test classes/ : 'trained'
assert new File(target, 'commons-lang3-soundness-1.0-pkgimage.jar').isFile()
// thousands of tests judged, in batches whose imaged JVMs loaded commons-lang3 classes from the archive
assert judged > 5000 : "only ${judged} tests judged"
assert report.classes.size() > 200 : "only ${report.classes.size()} classes ran"
// as few batches as keep the cores busy: one pair of JVMs per two cores
assert report.batches.size() <= Math.max(1, Runtime.runtime.availableProcessors().intdiv(2)) : "${report.batches.size()} batches"
assert report.batches.every { it.imageClassesFromArchive > 0 } : 'every imaged JVM used the image'
// a suite that trained for minutes keeps the test JVM's JIT in the children: C1's code would slow its hot loops
def args = new File(target, 'pkgimage/soundness/runs/batch-1/plain/child.args').text
assert !args.contains('TieredStopAtLevel') : 'a long suite keeps C2'
assert !(log.text =~ /they stop at C1/)
assert log.text =~ /\[pkgimage\] soundness: batch \d+ done, \d+ of \d+ test classes judged; \d+ SOUND/ : 'progress'
// no test gives another result with the image, and every test is SOUND but these: testLang708 fails without the
// image too (it reads a file of lang3's source tree that the tests jar lacks); and cases of
// FastDateParser_TimeZoneStrategyTest whose outcome depends on FastDateParser's static caches, filled by the classes
// before it, some in parallel threads (plain runs of the suite abort 419 to 429 of them from run to run; how many
// differ between the batch's two JVMs ranged from 15 to 411 in builds of 30 November and 1 December): alone in a fresh
// pair they agree, so they are ORDER_DEPENDENT (or FLAKY), never the image's
def orderDependentClass = 'org.apache.commons.lang3.time.FastDateParser_TimeZoneStrategyTest'
assert counts.IMAGE_DIVERGENCE == 0 : 'a divergence'
assert counts.MISSING == 0 : 'a test missing from a child run'
assert counts.UNSOUND_TEST <= 1 : "${counts}"
report.tests.findAll { it.verdict in ['ORDER_DEPENDENT', 'FLAKY'] }.each {
    assert it.class == orderDependentClass : "${it.verdict} ${it.class} ${it.test}"
}
def others = report.tests.findAll { it.class != orderDependentClass }
assert others.count { it.verdict == 'SOUND' } >= others.size() - 1 : "${counts}"
assert counts.SOUND >= 0.95 * judged : "only ${counts.SOUND} of ${judged} SOUND"
report.tests.findAll { it.verdict == 'UNSOUND_TEST' }.each {
    assert it.detail.contains('NoSuchFileException') || it.class.endsWith('StopWatchTest') : "${it.class} ${it.test}: ${it.detail}"
}
// every test the plain run ran was judged
assert run.judged.tests == run.plain.tests
assert new File(target, 'pkgimage/soundness/report.html').text.contains('First test of each class')
assert new File(target, 'pkgimage/soundness/durations.properties').text.contains('org.apache.commons.lang3.StringUtilsTest=')
// the imaged JVMs loaded commons-lang3 from the archive, the plain ones from its jar (with the JDK's own archive)
def batch = new File(target, 'pkgimage/soundness/runs/batch-1')
assert new File(batch, 'plain/class-load.log').text =~ /org\.apache\.commons\.lang3\.\w+ source: file:.*commons-lang3-3\.17\.0\.jar/
assert !new File(batch, 'plain/child.args').text.contains('SharedArchiveFile')
assert new File(batch, 'imaged/class-load.log').text =~ /org\.apache\.commons\.lang3\.\w+ source: shared objects file/
