import java.util.zip.ZipFile

def zip = new ZipFile(new File(basedir, 'target/jdk25-1.0-pkgimage.jar'))
def props = zip.getInputStream(zip.getEntry('pkgimage/image.properties')).getText('UTF-8')
def classlist = zip.getInputStream(zip.getEntry('pkgimage/tests/classlist.txt')).getText('UTF-8')
zip.close()
assert props.contains('jdk.feature=25') : 'props.contains(\'jdk.feature=25\')'
assert props.contains('jdk.gc=G1') : 'props.contains(\'jdk.gc=G1\')'
// JDK 24+ records resolved constant-pool entries, kept with their class
assert classlist.contains('class it/a/Slug ') : 'classlist.contains(\'class it/a/Slug \')'
assert classlist =~ /(?m)^@cp it\/a\/Slug( \d+)+$/ : 'classlist =~ /(?m)^@cp it\\/a\\/Slug( \\d+)+$/'
