// The module's own image in target/ is not an image at all.
def image = new File(basedir, 'target/strict-corrupt-image-1.0-pkgimage.jar')
image.parentFile.mkdirs()
image.text = 'this is not a package image'
return true
