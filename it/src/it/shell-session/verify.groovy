evaluate(new File(itSources, 'image-entries.groovy'))

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 3 : builds.size()
def (first, second, third) = builds

// the snippet ran in the execution JVM, on the module's class path, in both shells
assert first.contains('snippet says ["java","jvm"]') : first
assert second.contains('snippet says ["java","jvm"]') : second
// JShell's own JVM maps an archive of its classes, made once per JDK build and cached
def cmd = new File(basedir, 'target/pkgimage/shell/jshell.cmd').readLines()
assert cmd.contains('-Xshare:on') || cmd.contains('-XX:AOTMode=on') : cmd
assert cmd.any { it ==~ /-XX:(SharedArchiveFile|AOTCache)=.*jshell-\d+-[0-9a-f]{16}\.(jsa|aot)/ } : cmd
assert cmd.any { it ==~ /-R@.*shell-session-shell\.args/ } : cmd

// the first shell: the execution JVM mapped the linked archive; Gson was not in it yet (the tests never use it)
assert first =~ /proof: the execution JVM loaded \d+ classes from the archive, \d+ of them of the class path; [1-9]\d* class path classes were read from their jars/ : first
assert first =~ /Added the session to shell-session-1\.0-pkgimage\.jar: it loaded 1 of the package's classes, \d+ classes of 1 dependencies/ : first

def entries = imageEntries(new File(basedir, 'target/shell-session-1.0-pkgimage.jar'))
def props = entries['pkgimage/image.properties']
def shell = entries['pkgimage/shell/classlist.txt']
def tests = entries['pkgimage/tests/classlist.txt']
assert props.contains('parts=tests,shell\n') : props
assert props.contains('shell.mode=shell\n') && props.contains('shell.run=1\n') : props
assert shell =~ /(?m)^class com\/google\/gson\/GsonBuilder [0-9a-f]{64}$/ : shell
assert shell =~ /(?m)^class it\/shell\/Tags [0-9a-f]{64}$/ : shell
assert !tests.contains('com/google/gson/GsonBuilder ') : tests

// the second shell: linked again with the session, every class path class the snippet used came from the archive
assert second =~ /image it\.shell:shell-session:1\.0 \(tests, shell\): kept \d+ entries/ : second
assert second =~ /proof: the execution JVM loaded \d+ classes from the archive, [1-9]\d* of them of the class path; 0 class path classes were read from their jars/ : second

// JDK 25: JShell's execution JVM runs with the JDWP agent, which refuses archives of AOT-linked classes; the shell's
// archive is dumped without them, so the JVM maps it
assert third.contains('-XX:-AOTClassLinking') || new File(basedir, 'target/pkgimage/shell-session-shell-link.txt').text.contains('-XX:-AOTClassLinking')
assert third.contains('snippet says ["java","jvm"]') : third
assert third =~ /proof: the execution JVM loaded \d+ classes from the archive, [1-9]\d* of them of the class path/ : third
assert !third.contains('ran without the archive') : third
