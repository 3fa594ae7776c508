evaluate(new File(itSources, 'soundness-reports.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

// training discovered the beans as Surefire's JVM does (every test passed, the image holds the beans and what the
// container used of Weld); the harness judged every test SOUND; the main, started from the argfile, discovers the same
// beans and proxies as on Maven's class path
frameworkApp(basedir: basedir, coordinates: 'it.weld:weld-app:1.0', classes: 13, tests: 5, ownAtLeast: 10,
        dependencyClassesAtLeast: 500, main: 'it.weld.Main', proven: 'it.weld.GreetingService', prefix: 'weld-app: ',
        expected: 'weld-app: Good day, Ada!; Good day, Grace!; observed=[Ada, Grace] audited=2')
