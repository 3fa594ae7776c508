// A corrupt image of a dependency in the repository: half of a real image.
def image = new File(localRepositoryPath, 'it/producer/numbers/1.0/numbers-1.0-pkgimage.jar')
assert image.isFile() : "the setup project installs ${image}"
def bytes = image.bytes
image.bytes = Arrays.copyOf(bytes, bytes.length.intdiv(2))
return true
