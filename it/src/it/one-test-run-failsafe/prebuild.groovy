// the module's classes, unit tests and integration tests are it/record-failsafe's
evaluate(new File(itSources, 'app-runs.groovy'))
copyTree(new File(itSources, 'record-failsafe/src'), new File(basedir, 'src'))
true
