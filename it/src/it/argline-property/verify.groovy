def log = new File(basedir, 'build.log').text
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 3 : builds.size()

// 1: the argLine property reaches training: all four tests of both classes pass, as under Surefire
assert builds[0].contains('Training it.pkgimage:argline-property:1.0 with 2 test classes') : builds[0]
assert builds[0] =~ /Tests run: 4, Failures: 0, Errors: 0, Skipped: 0/ : 'Surefire ran them'
assert builds[0] =~ /4 run, 0 failed, 0 skipped/ : builds[0]
assert !builds[0].contains('InaccessibleObjectException') : builds[0]

// 2: -Dtest=OpensTests#readsTheValue* -Dgroups=fast: one class, and of it the one fast method matching the pattern
assert builds[1].contains('Training it.pkgimage:argline-property:1.0 with 1 test classes') : builds[1]
assert builds[1] =~ /Tests run: 1, Failures: 0/ : 'Surefire ran one'
assert builds[1] =~ /1 run, 0 failed, 0 skipped/ : builds[1]

// 3: <skipTests> in Surefire's XML skips training, saying so
assert builds[2].contains("Skipping pkgimage:compile of argline-property (<skipTests> is true in the maven-surefire-plugin configuration)") : builds[2]
assert builds[2].contains('BUILD SUCCESS')
