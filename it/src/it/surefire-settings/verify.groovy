import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.contains('Training it.pkgimage:surefire-settings:1.0 with 1 test classes') : 'log.contains(\'Training it.pkgimage:surefire-settings:1.0 with 1 test classes\')'
assert log.contains('Training does not follow these Surefire settings of surefire-settings: reuseForks') : 'log.contains(\'Training does not follow these Surefire settings of surefire-settings: reuseForks\')'
def zip = new ZipFile(new File(basedir, 'target/surefire-settings-1.0-pkgimage.jar'))
def props = zip.getInputStream(zip.getEntry('pkgimage/image.properties')).getText('UTF-8')
zip.close()
assert props.contains('tests.run=2') : 'props.contains(\'tests.run=2\')'
assert props.contains('tests.failed=0') : 'props.contains(\'tests.failed=0\')'
assert props.contains('tests.skipped=0') : 'props.contains(\'tests.skipped=0\')'
