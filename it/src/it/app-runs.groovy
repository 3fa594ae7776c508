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
