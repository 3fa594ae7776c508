import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.contains('No tests to run; training by loading the package\'s 2 classes without initialising them') : 'log.contains(\'No tests to run; training by loading the package\\\'s 2 classes without initialising them\')'
assert !log.contains('Point initialised') : '!log.contains(\'Point initialised\')'

def zip = new ZipFile(new File(basedir, 'target/no-tests-1.0-pkgimage.jar'))
def props = zip.getInputStream(zip.getEntry('pkgimage/image.properties')).getText('UTF-8')
def classlist = zip.getInputStream(zip.getEntry('pkgimage/tests/classlist.txt')).getText('UTF-8')
zip.close()
assert props.contains('tests.mode=classes') : 'props.contains(\'tests.mode=classes\')'
assert props.contains('tests.run=2') : 'props.contains(\'tests.run=2\')'
assert classlist.contains('class it/plain/Point ') : 'classlist.contains(\'class it/plain/Point \')'
assert classlist.contains('class it/plain/PointJson ') : 'classlist.contains(\'class it/plain/PointJson \')'
