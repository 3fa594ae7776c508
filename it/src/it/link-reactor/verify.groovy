def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'app/target/pkgimage/app-link.txt').text
for (m in ['lib-a', 'lib-b', 'app']) {
    assert report =~ /image it\.linked:${m}:1\.0 \(tests\): kept \d+ entries, dropped 0 changed, 0 missing, 0 of another JDK/ : report
}
assert report =~ /proof: -Xshare:on started; (\d+) of \1 classpath classes loaded from the archive/ : report
def args = new File(basedir, 'app/target/pkgimage/app.args').text
// the application's classes as the jar that install packaged, since it holds what app/target/classes holds
assert args.contains('-XX:SharedArchiveFile=') && args.contains('/app/target/app-1.0.jar') : args
assert log.contains('Linking the packaged jar ') : log

// the application runs with the images, plain, and on JDK 25 with images trained on JDK 17
assert log.contains('with the linked images: ') : 'imaged run'
assert log.contains('plain (without images): ') : 'plain run'
assert log.count('app says warm-start-always on Java 17') == 2 : 'imaged and plain give the same answer'
assert log.contains('app says warm-start-always on Java 25') : 'JDK 25 run'
def report25 = new File(basedir, 'app/target/pkgimage/app25-link.txt').text
assert report25.contains('trained on JDK 17, linked for JDK 25: its ') : report25
assert report25 =~ /proof: -Xshare:on started; (\d+) of \1 classpath classes loaded from the archive/ : report25
