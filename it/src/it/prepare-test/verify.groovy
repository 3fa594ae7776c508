def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 3 : builds.size()
def forks = { module, build -> new File(basedir, "${module}/target/forks-${build}.txt").readLines() }

// 1: lib has no training yet, and says so; app's test JVMs get the JDK classes of lib's image
assert builds[0].contains('pkgimage:prepare-test has nothing to give the test JVMs of lib: no image on the test class path and no training of the module yet') : builds[0]
assert builds[0].contains('The test JVMs of app start with') : builds[0]

// 2: both modules' test JVMs start with their archive, the project's own argLine kept
assert builds[1].contains('The test JVMs of lib start with') && builds[1].contains('The test JVMs of app start with')
assert builds[1] =~ /argLine = -Dfrom\.project\.argline=kept .*-XX:SharedArchiveFile=/ : builds[1]
// (the training JVM runs every class in one JVM, with Surefire's system properties: it writes a line per class too)
def perFork = { lines -> lines.groupBy { it.split(' ')[1] }.findAll { pid, l -> l.size() == 1 }.collect { pid, l -> l[0] } }
def training = { lines -> lines.groupBy { it.split(' ')[1] }.findAll { pid, l -> l.size() > 1 }.values().flatten() }
['lib': 3, 'app': 4].each { module, classes ->
    def lines = perFork(forks(module, 2))
    assert lines.size() == classes : forks(module, 2)          // a JVM per test class
    training(forks(module, 2)).each { assert it.contains('no-archive') : "training runs without the tests' archive: $it" }
    lines.each { line ->
        assert line.contains("-XX:SharedArchiveFile=") && line.contains("${module}-tests.jsa") : line
        assert line.contains('info=mixed_mode,_sharing') || line.contains('info=mixed_mode,_emulated-client,_sharing') : "the archive mapped: $line"
        assert line.contains('projectArgLine=kept') : line
    }
}

// 3: without pkgimage, no archive, and the same test results as with it
forks('app', 3).each { assert it.contains('no-archive') && it.contains('projectArgLine=kept') : it }
assert perFork(forks('app', 3)).size() == 4

// JaCoCo's agent came through the same property: kept in every fork of app, before the archive's options
assert builds[1] =~ /argLine = -javaagent:\S*org\.jacoco\.agent\S* .*-XX:SharedArchiveFile=/ : 'both in argLine'
perFork(forks('app', 2)).each { assert it.contains('agent=jacoco') : it }
assert new File(basedir, 'app/target/jacoco.exec').length() > 0 : 'coverage recorded'
// Failsafe's JVM read the property too; and JUnit 4 (Vintage) ran in lib's
assert perFork(forks('app', 2)).any { it.startsWith('CounterIT ') } : forks('app', 2)
assert perFork(forks('lib', 2)).any { it.startsWith('WordsJUnit4Test ') } : forks('lib', 2)
def results = { build -> (build =~ /(?m)Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$/).collect { it[0] }.sort() }
assert results(builds[1]) == results(builds[2]) : "${results(builds[1])} vs ${results(builds[2])}"
assert results(builds[1]).size() == 3 && results(builds[1]).every { it.contains('Failures: 0, Errors: 0') } : results(builds[1])
assert builds[2].contains('Skipping pkgimage:prepare-test') : builds[2]
