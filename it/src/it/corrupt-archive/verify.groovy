// build.log holds the five invocations in order
def log = new File(basedir, 'build.log').text
def archive = new File(basedir, 'target/pkgimage/corrupt-archive.jsa')
def argfile = new File(basedir, 'target/pkgimage/corrupt-archive.args')

// 2: the archive was truncated
def before = (log =~ /archive size before: (\d+)/)[0][1] as long
assert before > 100000 : "archive size before: $before"
def truncated = log.indexOf('archive size before:')

// 3: the next link is not "up to date": it finds the archive changed, the cache entry (the same file) unverifiable,
// and dumps and proves the archive again
def relinked = log.indexOf('changed since it was linked (its size or SHA-256 differs), so it is linked again', truncated)
assert relinked > truncated : 'the truncated archive is noticed'
assert log.indexOf('does not match its checksum (changed since it was made), so it is made again', truncated) > 0
assert log.indexOf('is up to date', truncated) < 0 || log.indexOf('is up to date', truncated) > log.indexOf('Trimmed the link cache')
assert log =~ /proof: -Xshare:on started; (\d+) of \1 classpath classes loaded from the archive/
assert archive.length() == before : "the archive is whole again: ${archive.length()} bytes"

// and the application runs imaged: its classes come from the archive, with -Xshare:on
def java = new File(System.getProperty('java.home'), 'bin/java').path
def proc = [java, '@' + argfile.path, '-Xshare:on', '-Xlog:class+load=info', 'it.c.Greeter'].execute(null, basedir)
def out = new StringBuilder()
proc.consumeProcessOutput(out, out)
proc.waitFor()
assert proc.exitValue() == 0 : out
assert out.contains('greeted ada x2, grace x1') : out
assert out.contains('it.c.Greeter source: shared objects file') : out

// 4: a link into the cache bound to one byte trims the first entry
assert log.contains('Trimmed the link cache') && log =~ /removed 1 archive unused for over 30 days or beyond 1 bytes in all/

// 5: clearing the cache removes the rest
assert log.contains('Cleared the link cache') && log.contains(': removed 1 archive.')
def entries = new File(basedir, 'target/cache').listFiles().findAll { it.isDirectory() }
assert entries.isEmpty() : entries
