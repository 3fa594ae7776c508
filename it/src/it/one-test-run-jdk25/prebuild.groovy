// Surefire's test JVMs and the image on the same JDK 25, found where JDKs are installed (the build runs on Maven's 17)
evaluate(new File(itSources, 'app-runs.groovy'))
def jdk25 = jdkHome(25)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Djvm=${jdk25}/bin/java\n-Dpkgimage.jdk=${jdk25}\n"
true
