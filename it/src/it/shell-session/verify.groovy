import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def first = log.substring(0, log.lastIndexOf('Scanning for projects'))
def second = log.substring(log.lastIndexOf('Scanning for projects'))

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

def zip = new ZipFile(new File(basedir, 'target/shell-session-1.0-pkgimage.jar'))
def text = { String name -> zip.getInputStream(zip.getEntry(name)).getText('UTF-8') }
def props = text('pkgimage/image.properties')
def shell = text('pkgimage/shell/classlist.txt')
def tests = text('pkgimage/tests/classlist.txt')
zip.close()
assert props.contains('parts=tests,shell\n') : props
assert props.contains('shell.mode=shell\n') && props.contains('shell.run=1\n') : props
assert shell =~ /(?m)^class com\/google\/gson\/GsonBuilder [0-9a-f]{64}$/ : shell
assert shell =~ /(?m)^class it\/shell\/Tags [0-9a-f]{64}$/ : shell
assert !tests.contains('com/google/gson/GsonBuilder ') : tests

// the second shell: linked again with the session, every class path class the snippet used came from the archive
assert second =~ /image it\.shell:shell-session:1\.0 \(tests, shell\): kept \d+ entries/ : second
assert second =~ /proof: the execution JVM loaded \d+ classes from the archive, [1-9]\d* of them of the class path; 0 class path classes were read from their jars/ : second
