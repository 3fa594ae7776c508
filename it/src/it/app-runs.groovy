// Shared by the builds that start an application from the link's argfile (evaluate(new File(itSources,
// 'app-runs.groovy'))): the same main started plainly, on Maven's class path (target/classes as a folder), and from
// the argfile with the archive required (-Xshare:on) and its class loading logged.

// the -cp value of an argfile, one argument a line, quoted
argfileClasspath = { File argfile ->
    def lines = argfile.readLines()
    lines[lines.indexOf('"-cp"') + 1].replaceAll(/^"|"$/, '').split(File.pathSeparator) as List
}

// the output of a JVM run to its end with exit code 0
runJava = { File basedir, List<String> arguments ->
    def command = [new File(System.getProperty('java.home'), 'bin/java').path] + arguments
    def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    def code = p.waitFor()
    assert code == 0 : "${command.join(' ')} ended with ${code}:\n${out}"
    out
}

// main run plainly and imaged; the imaged run must load `proven` from the archive. Returns both outputs without the
// class-load lines.
plainAndImaged = { File basedir, String name, String main, String proven, List<String> mainArgs = [] ->
    def target = new File(basedir, 'target')
    def argfile = new File(target, "pkgimage/${name}.args")
    def jars = argfileClasspath(argfile)
    // Maven's class path: the module's classes as the folder, then the same dependencies
    def mavenClasspath = ([new File(target, 'classes').path] + jars.drop(1)).join(File.pathSeparator)
    def plain = runJava(basedir, ['-cp', mavenClasspath, main] + mainArgs)
    def imaged = runJava(basedir, ['@' + argfile.path, '-Xshare:on', '-Xlog:class+load=info', main] + mainArgs)
    assert imaged.contains("${proven} source: shared objects file") : imaged.readLines().findAll { it.contains(proven) }
    def strip = { String out -> out.readLines().findAll { !it.contains('[class,load]') }.join('\n') }
    [plain: strip(plain), imaged: strip(imaged)]
}

// A framework application's build (invoker goals: package surefire:test@soundness pkgimage:link): training ran its
// `tests` tests with none failing and the image holds at least `ownAtLeast` of its `classes` classes and
// `dependencyClassesAtLeast` of its dependencies'; the harness judged every test SOUND; and its main prints the same
// `expected` line (the one starting with `prefix`) on Maven's class path and from the argfile, loading `proven` from
// the archive.
frameworkApp = { Map a ->
    def log = new File(a.basedir, 'build.log').text
    def artifact = a.coordinates.split(':')[1]
    assert log.contains("Training ${a.coordinates} with 1 test classes") : log
    def trained = (log =~ /Wrote ${artifact}-1\.0-pkgimage\.jar, part tests: (\d+) of the package's ${a.classes} classes, (\d+) classes of \d+ dependencies, \d+ JDK classes; tests ${a.tests} run, 0 failed/)
    assert trained : log
    assert (trained[0][1] as int) >= a.ownAtLeast : "only ${trained[0][1]} of the application's classes in the image"
    assert (trained[0][2] as int) > a.dependencyClassesAtLeast : "only ${trained[0][2]} classes of its dependencies"
    allSound(compare(a.basedir, "${a.coordinates}'s tests"), a.tests)
    def runs = plainAndImaged(a.basedir, artifact, a.main, a.proven)
    def line = { String out -> out.readLines().find { it.startsWith(a.prefix) } }
    println "plain:  ${line(runs.plain)}\nimaged: ${line(runs.imaged)}"
    assert line(runs.plain) == a.expected
    assert line(runs.imaged) == line(runs.plain)
}

// The home of an installed JDK of release `feature`, looked for where Linux distributions and Temurin put them
jdkHome = { int feature ->
    def homes = ['/usr/lib/jvm', '/opt/java', '/usr/java', System.getProperty('user.home') + '/.sdkman/candidates/java']
            .collectMany { new File(it).listFiles()?.toList() ?: [] }
    def home = homes.sort().find {
        def release = new File(it, 'release')
        release.isFile() && release.text =~ /JAVA_VERSION="${feature}[."]/ && new File(it, 'bin/java').canExecute()
    }
    assert home : "This test needs a JDK ${feature}: install one, such as Temurin ${feature} in /usr/lib/jvm"
    home
}

// A copy of the folder `from` at `to` as `cp -r` makes it: the files get new modification times
copyTree = { File from, File to ->
    def p = new ProcessBuilder('cp', '-r', from.path, to.path).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : out
    to
}

// Starts a dist's start script `script` with `javaHome` (null: java on the PATH) from the folder `cwd`, with
// `env` set (a null value removes a variable) and the class loading logged; returns its exit code, standard output
// and standard error. `asUser` runs it as another user (setpriv's arguments), or null.
startDist = { Map a ->
    def command = (a.asUser ?: []) + ['sh', a.script.path] + (a.args ?: [])
    def builder = new ProcessBuilder(command).directory(a.cwd)
    def env = builder.environment()
    ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', 'PKGIMAGE_CACHE', 'JAVA_HOME', 'MAVEN_OPTS'].each { env.remove(it) }
    if (a.javaHome) env.put('JAVA_HOME', a.javaHome.path)
    env.put('JAVA_OPTS', a.javaOpts != null ? a.javaOpts : '-Xlog:class+load=info')
    (a.env ?: [:]).each { k, v -> if (v == null) env.remove(k) else env.put(k as String, v as String) }
    def err = new File(a.cwd, "start-${System.nanoTime()}.err")
    builder.redirectError(err)
    def p = builder.start()
    def out = p.inputStream.text
    def code = p.waitFor()
    def result = [code: code, out: out, err: err.text, command: command.join(' ')]
    err.delete()
    println "${command.join(' ')} in ${a.cwd} with ${a.javaHome}: exit ${code}\n  " +
            result.err.readLines().join('\n  ')
    result
}

// whether a JVM's class-load log shows `name` loaded from the archive
fromArchive = { String out, String name -> out.contains("${name} source: shared objects file") }
