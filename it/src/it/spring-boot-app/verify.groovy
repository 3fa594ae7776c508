evaluate(new File(itSources, 'soundness-reports.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def first = log.substring(0, log.indexOf('Scanning for projects', 100))
def second = log.substring(log.lastIndexOf('Scanning for projects'))

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
