import java.util.zip.ZipFile

def zip = new ZipFile(new File(basedir, 'target/junit4-vintage-1.0-pkgimage.jar'))
def props = zip.getInputStream(zip.getEntry('pkgimage/image.properties')).getText('UTF-8')
def classlist = zip.getInputStream(zip.getEntry('pkgimage/tests/classlist.txt')).getText('UTF-8')
zip.close()
assert props.contains('tests.mode=tests') : 'props.contains(\'tests.mode=tests\')'
assert props.contains('tests.run=2') : 'props.contains(\'tests.run=2\')'
assert classlist.contains('class it/a/Slug ') : 'classlist.contains(\'class it/a/Slug \')'
