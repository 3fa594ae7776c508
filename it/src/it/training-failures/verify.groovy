import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.contains('1 tests failed during training; the image is built from what ran') : 'log.contains(\'1 tests failed during training; the image is built from what ran\')'
assert log.contains('it.fail.CalculatorTests#dividesWrongly') : 'log.contains(\'it.fail.CalculatorTests#dividesWrongly\')'
assert log.contains('deliberately wrong expectation') : 'log.contains(\'deliberately wrong expectation\')'

def image = new File(basedir, 'target/training-failures-1.0-pkgimage.jar')
assert image.isFile() : 'image.isFile()'
def zip = new ZipFile(image)
def props = zip.getInputStream(zip.getEntry('pkgimage/image.properties')).getText('UTF-8')
def failures = zip.getInputStream(zip.getEntry('pkgimage/tests/failures.txt')).getText('UTF-8')
zip.close()
assert props.contains('tests.run=2') : 'props.contains(\'tests.run=2\')'
assert props.contains('tests.failed=1') : 'props.contains(\'tests.failed=1\')'
assert failures.contains('it.fail.CalculatorTests#dividesWrongly') : 'failures.contains(\'it.fail.CalculatorTests#dividesWrongly\')'
