evaluate(new File(itSources, 'soundness-reports.groovy'))
evaluate(new File(itSources, 'app-runs.groovy'))

// training found the persistence unit's entities by scanning its root, as Surefire's JVM does (every test passed, the
// image holds the entities and what Hibernate used); the harness judged every test SOUND; the main, started from the
// argfile, finds the same entities and gets the same proxies as on Maven's class path
frameworkApp(basedir: basedir, coordinates: 'it.jpa:jpa-app:1.0', classes: 4, tests: 5, ownAtLeast: 3,
        dependencyClassesAtLeast: 2000, main: 'it.jpa.Main', proven: 'it.jpa.Author', prefix: 'jpa-app: ',
        expected: 'jpa-app: entities=2 shelves=Stanislaw=1,Ursula=2 titles=[The Dispossessed, The Left Hand of Darkness] proxy=true/false/Ursula/true')
