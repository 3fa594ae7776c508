evaluate(new File(itSources, 'app-runs.groovy'))

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def dist = new File(target, 'pkgimage/dist')
def name = 'orders'
def main = 'it.dist.Main'
def library = 'com.fasterxml.jackson.databind.ObjectMapper'

// the build wrote the dist and linked it for its own JDK (17), through the dist's own start script
assert log.contains("Wrote the dist ${dist.path}: 4 jars, 1 package images") : log
assert log =~ /pkgimage: linked the archive of orders for 17\.\S+ in \d+ ms/ : log
assert new File(dist, "lib/${name}-1.0.jar").isFile()
assert new File(dist, "lib/jackson-databind-2.20.1.jar").isFile()
assert new File(dist, "images/${name}-1.0-pkgimage.jar").isFile()
assert new File(dist, "lib/${name}-1.0.jar").lastModified() == 1000L : 'the jars get one fixed time'

def work = new File(target, 'deploy')
work.deleteDir()
work.mkdirs()
def jdk25 = jdkHome(25)
def jdk17 = jdkHome(17)
def args = ['a', 'b c']
def expected = "orders: {\"id\":\"A-1\",\"items\":[\"tea\",\"milk\"],\"total\":4.5} args=[a, b c] cwd=${work.path}"
def line = { Map r -> r.out.readLines().find { it.startsWith('orders: ') } }
def mapped = { Map r, String what ->
    assert r.code == 0 : "${what}: exit ${r.code}\n${r.err}\n${r.out}"
    assert line(r) == expected : "${what}: ${line(r)}"
    assert fromArchive(r.out, main) && fromArchive(r.out, library) : "${what}: the classes did not come from the archive\n${r.err}"
}
def linkedNow = { Map r, String feature -> r.err =~ /pkgimage: linked the archive of orders for ${feature}\.\S+ in \d+ ms/ }
def quiet = { Map r -> !r.err.contains('pkgimage:') }

// 1. moved elsewhere with new file times (cp -r), started with JDK 25 from another folder: it links once, then maps
def moved = copyTree(dist, new File(work, 'moved'))
assert new File(moved, "lib/${name}-1.0.jar").lastModified() != 1000L
def script = new File(moved, "bin/${name}")
def first = startDist(script: script, javaHome: jdk25, cwd: work, args: args)
mapped(first, 'the first start of the moved dist with JDK 25')
assert linkedNow(first, '25') : first.err
assert first.err =~ /put back the times of \d+ files/ : first.err
def second = startDist(script: script, javaHome: jdk25, cwd: work, args: args)
mapped(second, 'the second start')
assert quiet(second) : "the second start should find its archive without the launcher: ${second.err}"
// the same copy back on JDK 17 (the dist's own archive was dumped at another path, which JDK 17 refuses): links again
def back = startDist(script: script, javaHome: jdk17, cwd: work, args: args)
mapped(back, 'JDK 17 after JDK 25')
assert linkedNow(back, '17') : back.err

// 1b. linked for JDK 25 where it was made (bin/orders --link), then copied elsewhere with new file times: JDK 25 maps
// an archive whose jars moved together, so once the times are back the first start only proves it, and links nothing
def source = copyTree(dist, new File(work, 'made-for-25'))
def made = startDist(script: new File(source, "bin/${name}"), javaHome: jdk25, cwd: work, args: ['--link'])
assert made.code == 0 && linkedNow(made, '25') : made.err
def relocated = copyTree(source, new File(work, 'relocated'))
def found = startDist(script: new File(relocated, "bin/${name}"), javaHome: jdk25, cwd: work, args: args)
mapped(found, 'the relocated dist on JDK 25')
assert found.err.contains("pkgimage: found the archive of orders for 25.") : found.err
assert found.err.contains("(${relocated.canonicalPath}/pkgimage/link/${name}.jsa); put back the times of") : found.err

// 2. a jlinked runtime as the JDK
def runtime = new File(work, 'runtime')
def jlink = new ProcessBuilder(new File(jdk25, 'bin/jlink').path, '--add-modules',
        'java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml',
        '--strip-debug', '--no-man-pages', '--no-header-files', '--output', runtime.path).redirectErrorStream(true).start()
def jlinkOut = jlink.inputStream.text
assert jlink.waitFor() == 0 : jlinkOut
def onRuntime = copyTree(dist, new File(work, 'jlinked'))
def jlinked = startDist(script: new File(onRuntime, "bin/${name}"), javaHome: runtime, cwd: work, args: args)
mapped(jlinked, 'the jlinked runtime')
assert linkedNow(jlinked, '25') : jlinked.err

// 3. read-only: as a user who cannot write the dist, it links into PKGIMAGE_CACHE; with no cache it starts plainly.
// Under the temporary folder, which every user can reach (the build's own folder may be under a private home).
def roWork = java.nio.file.Files.createTempDirectory('pkgimage-it-read-only').toFile()
['chmod', '755', roWork.path].execute().waitFor()
def readOnly = copyTree(dist, new File(roWork, 'dist'))
def asUser = null
if (System.getProperty('user.name') == 'root') {
    asUser = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--']
} else {
    ['chmod', '-R', 'a-w', readOnly.path].execute().waitFor()
}
def cache = new File(roWork, 'cache')
cache.mkdirs()
['chmod', '777', cache.path].execute().waitFor()
def roScript = new File(readOnly, "bin/${name}")
def roExpected = expected.replace("cwd=${work.path}", "cwd=${roWork.path}")
def roMapped = { Map r, String what ->
    assert r.code == 0 && line(r) == roExpected : "${what}: exit ${r.code}, ${line(r)}\n${r.err}"
    assert fromArchive(r.out, main) && fromArchive(r.out, library) : "${what}: the classes did not come from the archive\n${r.err}"
}
try {
    def ro = startDist(script: roScript, javaHome: jdk25, cwd: roWork, args: args, asUser: asUser,
            env: [PKGIMAGE_CACHE: cache.path, HOME: '/nonexistent'])
    roMapped(ro, 'the read-only dist')
    assert linkedNow(ro, '25') : ro.err
    assert ro.err.contains("(${cache.path}/${name}-") : "the archive should be in the cache folder: ${ro.err}"
    assert cache.listFiles().any { new File(it, "${name}.stamp").isFile() } : cache.list()
    def roAgain = startDist(script: roScript, javaHome: jdk25, cwd: roWork, args: args, asUser: asUser,
            env: [PKGIMAGE_CACHE: cache.path, HOME: '/nonexistent'])
    roMapped(roAgain, 'the read-only dist again')
    assert quiet(roAgain) : roAgain.err
    def nowhere = startDist(script: roScript, javaHome: jdk25, cwd: roWork, args: args, asUser: asUser,
            env: [HOME: '/nonexistent'])
    assert nowhere.code == 0 && line(nowhere) == roExpected : nowhere
    assert nowhere.err.readLines().findAll { it.startsWith('pkgimage:') } == ["pkgimage: no folder to link the archive of ${name} into (${readOnly.canonicalPath}/pkgimage/link and the cache cannot be written), so it starts without it; set PKGIMAGE_CACHE to a writable folder"] : nowhere.err
    assert !fromArchive(nowhere.out, main)
} finally {
    ['chmod', '-R', 'u+w', roWork.path].execute().waitFor()
    roWork.deleteDir()
}

// 4. two first starts at once: both succeed, one whole archive is left, and the next start maps it quietly
def twice = copyTree(dist, new File(work, 'twice'))
def twiceScript = new File(twice, "bin/${name}")
def results = Collections.synchronizedList([])
def threads = (1..2).collect { Thread.start { results << startDist(script: twiceScript, javaHome: jdk25, cwd: work, args: args) } }
threads*.join()
results.each { mapped(it, 'a concurrent first start') }
def state = new File(twice, 'pkgimage/link')
def archives = state.listFiles().findAll { it.name.endsWith('.jsa') }*.name
assert archives == ["${name}.jsa"] : state.list()
assert !state.listFiles().any { it.name.endsWith('.tmp') || it.name.startsWith('.proof-') } : state.list()
def third = startDist(script: twiceScript, javaHome: jdk25, cwd: work, args: args)
mapped(third, 'the start after the concurrent ones')
assert quiet(third) : third.err

// 5. a damaged archive (cut short, as a copy that broke off leaves it) is linked again
def archive = new File(state, "${name}.jsa")
new RandomAccessFile(archive, 'rw').withCloseable { it.setLength(archive.length().intdiv(2)) }
def repaired = startDist(script: twiceScript, javaHome: jdk25, cwd: work, args: args)
mapped(repaired, 'the start after the archive was damaged')
assert linkedNow(repaired, '25') : repaired.err

// 6. a Java agent in JAVA_TOOL_OPTIONS: on JDK 25 the archive is linked with the agent's module and maps; on 17 too
def agent = new File(work, 'agent.jar')
def manifest = new File(work, 'agent.mf')
manifest.text = 'Premain-Class: it.dist.Agent\n'
def jar = new ProcessBuilder(new File(jdk17, 'bin/jar').path, 'cfm', agent.path, manifest.path, '-C',
        new File(target, 'classes').path, 'it/dist').redirectErrorStream(true).start()
def jarOut = jar.inputStream.text
assert jar.waitFor() == 0 : jarOut
def withAgent = copyTree(dist, new File(work, 'agent'))
def agentScript = new File(withAgent, "bin/${name}")
for (jdk in [jdk25, jdk17]) {
    def r = startDist(script: agentScript, javaHome: jdk, cwd: work, args: args,
            env: [JAVA_TOOL_OPTIONS: "-javaagent:${agent.path}"])
    mapped(r, "a Java agent on ${jdk}")
    assert r.err.readLines().count { it == 'agent: transformer added' } == 1 : "only the application runs the agent: ${r.err}"
    assert linkedNow(r, jdk == jdk25 ? '25' : '17') : r.err
    assert new File(withAgent, "pkgimage/link/${name}.run").text.contains('--add-modules=java.instrument')
}
