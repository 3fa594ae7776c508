// the library and its tests are it/one-test-run's
evaluate(new File(itSources, 'app-runs.groovy'))
copyTree(new File(itSources, 'one-test-run/src'), new File(basedir, 'src'))
true
