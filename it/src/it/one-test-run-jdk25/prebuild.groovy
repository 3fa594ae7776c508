// the library and its tests are it/one-test-run's; Surefire's test JVMs and the image on the same JDK 25, found where
// JDKs are installed (the build itself runs on Maven's 17)
evaluate(new File(itSources, 'app-runs.groovy'))
copyTree(new File(itSources, 'one-test-run/src'), new File(basedir, 'src'))
def jdk25 = jdkHome(25)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Djvm=${jdk25}/bin/java\n-Dpkgimage.jdk=${jdk25}\n"
true
