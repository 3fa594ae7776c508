evaluate(new File(itSources, 'soundness-reports.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def starts = []
for (int i = log.indexOf('Scanning for projects'); i >= 0; i = log.indexOf('Scanning for projects', i + 1)) {
    starts << i
}
assert starts.size() == 3 : "three builds, not ${starts.size()}"
def (first, second, third) = (0..<3).collect { k -> log.substring(starts[k], k < 2 ? starts[k + 1] : log.length()) }

// 1. training found the application's configuration and passed every test (failOnTrainingFailure is set), and the
// image holds the application's classes
assert first.contains('Training it.spring:spring-service:1.0 with 1 test classes') : first
def trained = (first =~ /Wrote spring-service-1\.0-pkgimage\.jar, part tests: (\d+) of the package's 5 classes, (\d+) classes of (\d+) dependencies, \d+ JDK classes; tests 3 run, 0 failed/)
assert trained : first
assert (trained[0][1] as int) >= 4 : "only ${trained[0][1]} of the application's classes in the image"
assert (trained[0][2] as int) > 1000 : "only ${trained[0][2]} classes of Spring and its dependencies"
// the start-up recorded as Spring's recipe trains: the JVM halted once the context was up, and that run counts
assert first.contains('The workload it.spring.ServiceApplication halted the JVM with exit code 0') : first
assert first =~ /Wrote spring-service-1\.0-pkgimage\.jar, part main: \d+ of the package's 5 classes, \d+ classes of \d+ dependencies, \d+ JDK classes; main 1 run, 0 failed/ : first

// the harness: every test SOUND; the test application.properties, which shadows the application's, from the small
// jar at the front of the imaged JVM's class path
def run = compare(basedir, 'the Spring Boot service\'s tests')
allSound(run, 3)

// the packaged jar is Spring Boot's repackaged one (classes under BOOT-INF/), so the link jars target/classes
assert first.contains('does not hold what ' + new File(target, 'classes').path + ' holds') : first
def report = new File(target, 'pkgimage/spring-service-link.txt').text
def proof = (report =~ /proof: -Xshare:on started; (\d+) of (\d+) classpath classes loaded from the archive/)
assert proof && (proof[0][1] as int) > 4000 : report

// the service started from the argfile answers its endpoint as the plain one does
def runs = plainAndImaged(basedir, 'spring-service', 'it.spring.FirstResponse', 'it.spring.OrderController')
def status = { String out -> (out =~ /first-response-ms=\d+ status=(\d+)/)[0][1] }
println "plain:  ${runs.plain.readLines().find { it.contains('first-response-ms') }}"
println "imaged: ${runs.imaged.readLines().find { it.contains('first-response-ms') }}"
assert status(runs.plain) == '201'
assert status(runs.imaged) == '201'

// 2. the start-up recorded again, with a main that starts the service, answers one request and returns
assert second.contains('Recording the workload it.spring.FirstResponse [] of it.spring:spring-service:1.0') : second
assert second =~ /part main: \d+ of the package's 5 classes, \d+ classes of \d+ dependencies, \d+ JDK classes; main 1 run, 0 failed/ : second
assert second =~ /The image holds tests \(tests: 3 run, 0 failed, \d+ classes\), main \(main: 1 run, 0 failed, \d+ classes\)/ : second
def again = plainAndImaged(basedir, 'spring-service', 'it.spring.FirstResponse', 'it.spring.OrderController')
assert status(again.imaged) == '201'

// 3. the dist: the main class is the Start-Class of the repackaged jar, the application's classes a jar of
// target/classes; a copy with new file times, started with JDK 25 from another folder, links once and answers its
// endpoint, with the application's classes from the archive
def dist = new File(target, 'pkgimage/dist')
assert third.contains("Wrote the dist ${dist.path}") : third
assert new File(dist, 'pkgimage/dist.properties').text.contains('mainClass=it.spring.ServiceApplication')
def work = new File(target, 'deploy')
work.deleteDir()
work.mkdirs()
def copy = copyTree(dist, new File(work, 'service'))
def script = new File(copy, 'bin/spring-service')
def linkStart = System.nanoTime()
def linked = startDist(script: script, javaHome: jdkHome(25), cwd: work, args: ['--link'], javaOpts: '-Xlog:class+load=info')
def linkMillis = (System.nanoTime() - linkStart).intdiv(1_000_000)
assert linked.code == 0 : linked
assert linked.err =~ /pkgimage: linked the archive of spring-service for 25\.\S+ in \d+ ms/ : linked.err
println "bin/spring-service --link with JDK 25: ${linkMillis} ms"

def builder = new ProcessBuilder('sh', script.path, '--server.port=0').directory(work).redirectErrorStream(true)
builder.environment().put('JAVA_HOME', jdkHome(25).path)
builder.environment().put('JAVA_OPTS', '-Xlog:class+load=info')
['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', 'MAVEN_OPTS'].each { builder.environment().remove(it) }
def service = builder.start()
def seen = []
try {
    def reader = service.inputStream.newReader()
    def port = null
    for (String l = reader.readLine(); l != null && port == null; l = reader.readLine()) {
        seen << l
        def m = l =~ /Tomcat started on port (\d+)/
        if (m) port = m[0][1]
    }
    assert port : seen.findAll { !it.contains('[class,load]') }.join('\n')
    def connection = new URL("http://localhost:${port}/orders").openConnection()
    connection.requestMethod = 'POST'
    connection.doOutput = true
    connection.setRequestProperty('Content-Type', 'application/json')
    connection.outputStream.withCloseable { it << '{"item":"coffee","quantity":2}' }
    assert connection.responseCode == 201
    assert connection.inputStream.text.contains('coffee')
    assert seen.any { it.contains('it.spring.OrderController source: shared objects file') } : 'the controller did not come from the archive'
    assert seen.any { it.contains('org.springframework.context.ApplicationContext source: shared objects file') }
    assert !seen.any { it.startsWith('pkgimage:') } : 'the start after --link should find the archive'
} finally {
    service.destroy()
    service.waitFor()
}
