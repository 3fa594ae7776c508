def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/pkgimage/corrupt-link.txt').text
assert log.contains("[WARNING] Not using an image: Package image '") : 'a clear warning'
assert log.contains("numbers-1.0-pkgimage.jar' is corrupt or not a package image: not a zip or truncated") : 'names the file and the reason'
assert report.contains('refused: Package image ') : report
assert report.contains('without an image (4): it.consumer:corrupt:1.0, it.producer:numbers:1.0') : report
assert log.contains('sum is 15, range [0, 1, 2, 3]') : 'the application still runs correctly'
