import java.util.zip.ZipFile

def read(File image, String entry) {
    def zip = new ZipFile(image)
    try {
        return zip.getInputStream(zip.getEntry(entry)).getText('UTF-8')
    } finally {
        zip.close()
    }
}

def log = new File(basedir, 'build.log').text
assert log.contains('Training it.reactor:lib-a:1.0 with 1 test classes') : 'log.contains(\'Training it.reactor:lib-a:1.0 with 1 test classes\')'
assert log.contains('Training it.reactor:lib-b:1.0 with 1 test classes') : 'log.contains(\'Training it.reactor:lib-b:1.0 with 1 test classes\')'

def a = new File(basedir, 'lib-a/target/lib-a-1.0-pkgimage.jar')
def b = new File(basedir, 'lib-b/target/lib-b-1.0-pkgimage.jar')
assert a.isFile() && b.isFile() : 'a.isFile() && b.isFile()'

// lib-b's image records the classes of lib-a and gson it loaded, by their coordinates; it lists no images of its
// dependencies (format 3 dropped that entry, which nothing read)
def zipB = new ZipFile(b)
try {
    assert zipB.getEntry('pkgimage/dependency-images.txt') == null : 'zipB.getEntry(\'pkgimage/dependency-images.txt\') == null'
} finally {
    zipB.close()
}
def classlist = read(b, 'pkgimage/tests/classlist.txt')
assert classlist.contains('[dependency it.reactor:lib-a:1.0]\nclass it/a/Slug ') : 'classlist.contains(\'[dependency it.reactor:lib-a:1.0]\\nclass it/a/Slug \')'
assert classlist.contains('[dependency com.google.code.gson:gson:2.13.2]') : 'classlist.contains(\'[dependency com.google.code.gson:gson:2.13.2]\')'
assert classlist.contains('[self]\nclass it/b/Article ') : 'classlist.contains(\'[self]\\nclass it/b/Article \')'
// test classes and test-only dependencies are not part of an image
assert !classlist.contains('it/b/ArticleTests') : '!classlist.contains(\'it/b/ArticleTests\')'
assert !classlist.contains('org/junit/') : '!classlist.contains(\'org/junit/\')'
assert read(b, 'pkgimage/image.properties').contains('tests.run=2') : 'read(b, \'pkgimage/image.properties\').contains(\'tests.run=2\')'

// attached with classifier pkgimage, so install put it next to the jar
for (m in ['lib-a', 'lib-b']) {
    assert new File(localRepositoryPath, "it/reactor/${m}/1.0/${m}-1.0-pkgimage.jar").isFile() : 'new File(localRepositoryPath, "it/reactor/${m}/1.0/${m}-1.0-pkgimage.jar").isFile()'
}
