def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/pkgimage/consumer-link.txt').text
// the producer's image came from the local repository, where `mvn install` of the producer put it
assert report =~ /image it\.producer:words:1\.0 \(tests\): kept \d+ entries, dropped 0 changed, 0 missing/ : report
assert report.contains('without an image (3): it.consumer:consumer:1.0, com.google.code.gson:gson:2.13.2, com.google.errorprone:error_prone_annotations') : report
assert report =~ /proof: -Xshare:on started; (\d+) of \1 classpath classes loaded from the archive/ : report
assert log.contains('consumer says ["linked","images","warm","start"]') : 'the application ran with the archive'
assert log.contains('Link consumer is up to date') : 'pkgimage:run after the bound link reuses it'
