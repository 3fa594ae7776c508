def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 2 : builds.size()
[['skipTests', builds[0]], ['maven.test.skip', builds[1]]].each { property, build ->
    ['compile', 'record'].each { goal ->
        assert build.contains("Skipping pkgimage:${goal} of skip-tests (property '${property}' is true): the image is built by running the module's workloads, so it is neither built nor attached in this build.") : build
    }
    assert !build.contains('Training ') && !build.contains('Recording the workload') : build
    assert build.contains('BUILD SUCCESS') : build
}
assert !new File(basedir, 'target/skip-tests-1.0-pkgimage.jar').exists() : 'no image'
