package io.pkgimage.core.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.PkgImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTests {

    @TempDir
    Path dir;

    @Test
    void describesTheRunningJdk() {
        Path home = Path.of(System.getProperty("java.home"));

        Jdk jdk = Jdks.of(home);

        assertThat(jdk.home()).isEqualTo(home.toAbsolutePath().normalize());
        assertThat(jdk.feature()).isEqualTo(Runtime.version().feature());
        assertThat(jdk.runtimeVersion()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(jdk.version()).isEqualTo(System.getProperty("java.version"));
        assertThat(jdk.vendor()).isNotBlank().isNotEqualTo("unknown");
        assertThat(jdk.javaExecutable()).isExecutable();
        assertThat(jdk.hasAotClassLinking()).isEqualTo(jdk.feature() >= 24);
        assertThat(Jdks.current()).isEqualTo(jdk);
    }

    @Test
    void describesTemurin25() {
        Path temurin25 = io.pkgimage.core.TestJdks.jdk25().home();

        Jdk jdk = Jdks.of(temurin25);

        assertThat(jdk.feature()).isEqualTo(25);
        assertThat(jdk.version()).startsWith("25");
        assertThat(jdk.runtimeVersion()).startsWith(jdk.version() + "+");
        assertThat(jdk.vendor()).isNotBlank().isNotEqualTo("unknown");
        assertThat(jdk.hasAotClassLinking()).isTrue();
        assertThat(jdk).hasToString("JDK " + jdk.runtimeVersion() + " (" + jdk.vendor() + ") at " + temurin25);
    }

    @Test
    void describesAFakeJdk() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk-21"), "21.0.3");

        Jdk jdk = Jdks.of(home);

        assertThat(jdk).isEqualTo(new Jdk(home, "Fake Vendor", "21.0.3", "21.0.3+9-fake", 21));
    }

    @Test
    void aRelativePathIsMadeAbsolute() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk-21"), "21.0.3");
        Path relative = Path.of("").toAbsolutePath().relativize(home);

        assertThat(Jdks.of(relative).home()).isEqualTo(home);
    }

    @Test
    void aMissingFolderIsNotAJdk() {
        Path missing = dir.resolve("no-such-jdk");

        assertThatThrownBy(() -> Jdks.of(missing))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("JDK path '" + missing + "' does not exist or is not a folder; give the home folder of a"
                        + " JDK 17+ (the one holding bin/java)");
    }

    @Test
    void aFileIsNotAJdk() throws IOException {
        Path file = Files.writeString(dir.resolve("java"), "#!/bin/sh\n");

        assertThatThrownBy(() -> Jdks.of(file))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessageStartingWith("JDK path '" + file + "' does not exist or is not a folder");
    }

    @Test
    void aFolderWithoutAReleaseFileIsNotAJdk() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk"), "21");
        Files.delete(home.resolve("release"));

        assertThatThrownBy(() -> Jdks.of(home))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("'" + home + "' is not a JDK home: no 'release' file; give the folder that holds bin/java"
                        + " and release");
    }

    @Test
    void aFolderWithoutBinJavaIsNotAJdk() throws IOException {
        Path home = fakeJdk(dir.resolve("jre-docs"), "21");
        Files.delete(home.resolve("bin/java"));

        assertThatThrownBy(() -> Jdks.of(home))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("'" + home + "' is not a JDK home: no executable bin/java; give the folder that holds"
                        + " bin/java and release");
    }

    @Test
    void aReleaseFileWithoutJavaVersionIsNotAJdk() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk"), "21");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake Vendor\"\n");

        assertThatThrownBy(() -> Jdks.of(home))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("'" + home.resolve("release") + "' has no JAVA_VERSION; '" + home + "' is not a JDK home");
    }

    @Test
    void theBinFolderSuggestsItsParent() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk-21"), "21.0.3");

        assertThatThrownBy(() -> Jdks.of(home.resolve("bin")))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessageStartingWith("'" + home.resolve("bin") + "' is not a JDK home: ")
                .hasMessageEndingWith("(did you mean its parent '" + home + "'?)");
    }

    @Test
    void jdk11IsTooOld() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk-11"), "11.0.22");

        assertThatThrownBy(() -> Jdks.of(home))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("JDK at '" + home + "' is Java 11.0.22; pkgimage needs JDK 17 or newer");
    }

    @Test
    void java8StyleVersionsAreFeature8() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk8"), "1.8.0_392");

        assertThat(Jdks.feature("1.8.0_392")).isEqualTo(8);
        assertThatThrownBy(() -> Jdks.of(home))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("JDK at '" + home + "' is Java 1.8.0_392; pkgimage needs JDK 17 or newer");
    }

    @Test
    void versionsOfEveryShapeGiveTheirFeature() {
        assertThat(Jdks.feature("17")).isEqualTo(17);
        assertThat(Jdks.feature("17.0.15")).isEqualTo(17);
        assertThat(Jdks.feature("25-ea")).isEqualTo(25);
        assertThat(Jdks.feature("21.0.3+9-LTS")).isEqualTo(21);
        assertThatThrownBy(() -> Jdks.feature("ea"))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("Cannot read the Java version 'ea'");
    }

    @Test
    void installedFindsJdksNewestFirst() throws IOException {
        // GIVEN a folder of JDK homes, a macOS-style bundle, a link, a JDK that is too old and things that are none
        Path jdk17 = fakeJdk(dir.resolve("jdk-17"), "17.0.2");
        Path jdk25 = fakeJdk(dir.resolve("jdk-25"), "25.0.1");
        Path jdk21 = fakeJdk(dir.resolve("jdk-21.jdk/Contents/Home"), "21.0.3");
        fakeJdk(dir.resolve("jdk-11"), "11.0.22");
        Files.createSymbolicLink(dir.resolve("current"), jdk25);
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("notes.txt"), "not a JDK");

        // WHEN the folder is searched
        List<Jdk> installed = Jdks.in(List.of(dir, dir.resolve("missing"))).installed();

        // THEN the JDKs are found once each, newest first
        assertThat(installed).extracting(Jdk::home).containsExactly(jdk25, jdk21, jdk17);
        assertThat(installed).extracting(Jdk::feature).containsExactly(25, 21, 17);
    }

    @Test
    void resolveFindsAFeatureRelease() throws IOException {
        fakeJdk(dir.resolve("jdk-17"), "17.0.2");
        Path jdk25 = fakeJdk(dir.resolve("jdk-25"), "25.0.1");

        assertThat(Jdks.in(List.of(dir)).resolve("25").home()).isEqualTo(jdk25);
        assertThat(Jdks.in(List.of(dir)).resolve(" 25 ").home()).isEqualTo(jdk25);
    }

    @Test
    void resolveTakesAPath() throws IOException {
        Path jdk25 = fakeJdk(dir.resolve("jdk-25"), "25.0.1");

        assertThat(Jdks.in(List.of()).resolve(jdk25.toString()).home()).isEqualTo(jdk25);
    }

    @Test
    void resolveOfAMissingFeatureNamesItAndListsTheInstalledOnes() throws IOException {
        Path jdk17 = fakeJdk(dir.resolve("jdk-17"), "17.0.2");
        Path jdk25 = fakeJdk(dir.resolve("jdk-25"), "25.0.1");

        assertThatThrownBy(() -> Jdks.in(List.of(dir)).resolve("99"))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessage("No JDK 99 found in [" + dir + "]; installed: 25 at " + jdk25 + ", 17 at " + jdk17
                        + ". Install one or give its home folder instead of '99'");
    }

    @Test
    void resolveOfAMissingFeatureWithNothingInstalled() {
        assertThatThrownBy(() -> Jdks.in(List.of(dir)).resolve("21"))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessageStartingWith("No JDK 21 found in [" + dir + "]; installed: none found.");
    }

    @Test
    void resolveOfAMissingPathNamesIt() throws IOException {
        Path jdk25 = fakeJdk(dir.resolve("jdk-25"), "25.0.1");

        assertThatThrownBy(() -> Jdks.in(List.of(dir)).resolve("/nope"))
                .isInstanceOf(InvalidJdkException.class)
                .hasMessageStartingWith("JDK path '/nope' does not exist or is not a folder")
                .hasMessageEndingWith(". Installed JDKs: 25 at " + jdk25);
    }

    @Test
    void jdkPackagesAreThoseOfTheRunTimeImage() {
        Jdk current = Jdks.current();

        assertThat(JdkPackages.of(current)).contains("java/lang", "java/util/zip", "jdk/internal/misc");
        assertThat(JdkPackages.contains(current, "java/lang/Object")).isTrue();
        assertThat(JdkPackages.contains(current, "java/lang/invoke/LambdaForm$MH"))
                .isTrue();
        assertThat(JdkPackages.contains(current, "com/acme/Widget")).isFalse();
        assertThat(JdkPackages.contains(current, "com/sun/proxy/$Proxy12")).isFalse();
        assertThat(JdkPackages.contains(current, "Object")).isFalse();
    }

    @Test
    void classesOfTheRuntimeImageAreKnownAndClassesGeneratedInJdkPackagesAreNot() {
        Jdk current = Jdks.current();

        assertThat(JdkPackages.hasClass(current, "java/lang/Object")).isTrue();
        assertThat(JdkPackages.hasClass(current, "java/util/Map$Entry")).isTrue();
        assertThat(JdkPackages.hasClass(current, "java/lang/invoke/Invokers$Holder"))
                .isTrue();
        assertThat(JdkPackages.hasClass(current, "jdk/jfr/internal/handlers/EventHandler1114_1796095185680-4700"))
                .isFalse();
        assertThat(JdkPackages.hasClass(current, "java/lang/Nothing")).isFalse();
        assertThat(JdkPackages.hasClass(current, "com/acme/Widget")).isFalse();
        assertThat(JdkPackages.hasClass(current, "Object")).isFalse();
        // and of another JDK: java.lang.classfile is new in JDK 24
        assertThat(JdkPackages.hasClass(io.pkgimage.core.TestJdks.jdk25(), "java/lang/classfile/ClassFile"))
                .isTrue();
        assertThat(JdkPackages.hasClass(current, "java/lang/classfile/ClassFile"))
                .isFalse();
    }

    @Test
    void jdkPackagesOfAnotherJdk() {
        Jdk jdk25 = io.pkgimage.core.TestJdks.jdk25();

        // java.lang.classfile is new in JDK 24: the packages are read from JDK 25 itself, not from the running JDK
        assertThat(JdkPackages.of(jdk25)).contains("java/lang", "java/lang/classfile");
        assertThat(JdkPackages.of(Jdks.current())).doesNotContain("java/lang/classfile");
    }

    @Test
    void jdkPackagesOfABrokenJdkNameIt() throws IOException {
        Jdk fake = Jdks.of(fakeJdk(dir.resolve("jdk-21"), "21.0.3"));

        assertThatThrownBy(() -> JdkPackages.of(fake))
                .isInstanceOf(PkgImageException.class)
                .hasMessageStartingWith("Cannot read the modules of the JDK at '" + fake.home() + "' (lib/modules)")
                .hasMessageEndingWith("Is the JDK complete?");
    }

    /** A folder that looks like a JDK home: a {@code release} file and an executable {@code bin/java} script. */
    static Path fakeJdk(Path home, String javaVersion) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\necho 'fake java " + javaVersion + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"Fake Vendor\"\n"
                        + "JAVA_RUNTIME_VERSION=\"" + javaVersion + "+9-fake\"\n"
                        + "JAVA_VERSION=\"" + javaVersion + "\"\n"
                        + "OS_NAME=\"Linux\"\n");
        return home;
    }
}
