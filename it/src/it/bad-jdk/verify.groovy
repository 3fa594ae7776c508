def log = new File(basedir, 'build.log').text
assert log.contains("The target JDK is not usable: JDK path '/no/such/jdk' does not exist or is not a folder") : 'log.contains("The target JDK is not usable: JDK path \'/no/such/jdk\' does not exist or is not a folder")'
assert log.contains('Set <jdk> (property pkgimage.jdk) to a JDK home or a feature release such as 25') : 'log.contains(\'Set <jdk> (property pkgimage.jdk) to a JDK home or a feature release such as 25\')'
assert log.contains('Installed JDKs:') : 'log.contains(\'Installed JDKs:\')'
