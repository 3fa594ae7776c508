def log = new File(basedir, 'build.log').text
assert log.contains("strict-corrupt-image-1.0-pkgimage.jar' is corrupt or not a package image: not a zip or truncated") : 'names the file and the reason'
assert log.contains('(strict is set, so the link stops here)') : 'says why the link stops'
assert log.contains("<name> (property pkgimage.name): The link name 'a/b' must be a file name") : 'a bad name names the parameter'
assert !new File(basedir, 'target/pkgimage/strict-corrupt-image.jsa').exists() : 'nothing half-written'
