def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'app/target/pkgimage/app-link.txt').text
// lib-a was rebuilt with one changed class (Slug) and kept its old image: exactly Slug's entries are dropped,
// in every image that recorded it, and nothing else
assert report =~ /image it\.stale:lib-a:1\.0 \(tests\): kept \d+ entries, dropped 1 changed, 0 missing/ : report
assert report =~ /image it\.stale:lib-b:1\.0 \(tests\): kept \d+ entries, dropped 1 changed, 0 missing/ : report
assert report =~ /image it\.stale:app:1\.0 \(tests\): kept \d+ entries, dropped 1 changed, 0 missing/ : report
assert report.count('changed since training: it/a/Slug\n') == 3 : report
assert !report.contains('it/a/Title,') && !report.contains('it/a/Title\n') : 'Title did not change and is kept'
assert report =~ /proof: -Xshare:on started; (\d+) of \1 classpath classes loaded from the archive/ : report
// and the application runs correctly, with the changed class
assert log.contains('app says warm_start_always / Warm Start, Always on Java 17') : 'the new Slug ran'
