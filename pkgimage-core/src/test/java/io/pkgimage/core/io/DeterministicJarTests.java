package io.pkgimage.core.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicJarTests {
    private static final List<String> FILES = List.of(
            "com/acme/b/Z.class", "com/acme/A.class", "META-INF/services/x.Y", "com/acme/A$1.class", "Top.class");

    @TempDir
    Path dir;

    @Test
    void theSameFolderJarredTwiceGivesIdenticalBytes() throws IOException {
        // GIVEN a folder jarred once, then touched to other modification times and jarred again
        Path classes = folder("classes", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Path first = dir.resolve("first.jar");
        DeterministicJar.of(classes, first);
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2031-06-15T23:59:58Z")));
            }
        }
        Path second = dir.resolve("second.jar");

        // WHEN it is jarred again
        DeterministicJar.of(classes, second);

        // THEN the jars are byte for byte the same
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void foldersCreatedInAnotherOrderGiveIdenticalBytes() throws IOException {
        Path one = folder("one", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        List<String> reversed = new ArrayList<>(FILES);
        java.util.Collections.reverse(reversed);
        Path other = folder("other", reversed, Instant.parse("2024-05-05T05:05:05Z"));

        DeterministicJar.of(one, dir.resolve("one.jar"));
        DeterministicJar.of(other, dir.resolve("other.jar"));

        assertThat(Files.readAllBytes(dir.resolve("other.jar"))).isEqualTo(Files.readAllBytes(dir.resolve("one.jar")));
    }

    @Test
    void entriesAreSortedWithFixedTimesAndTheirContent() throws IOException {
        Path classes = folder("classes", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Files.createDirectories(classes.resolve("empty/folder"));
        Path jar = dir.resolve("classes.jar");

        DeterministicJar.of(classes, jar);

        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(jar);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
                assertThat(e.getExtra()).as("extra fields of " + e.getName()).isNull();
                entries.put(e.getName(), new String(zip.readAllBytes(), UTF_8));
            }
        }
        // as maven-jar-plugin writes them: the manifest first, then every folder and file, sorted
        assertThat(entries)
                .containsExactly(
                        Map.entry("META-INF/", ""),
                        Map.entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: pkgimage\r\n\r\n"),
                        Map.entry("META-INF/services/", ""),
                        Map.entry("META-INF/services/x.Y", "content of META-INF/services/x.Y"),
                        Map.entry("Top.class", "content of Top.class"),
                        Map.entry("com/", ""),
                        Map.entry("com/acme/", ""),
                        Map.entry("com/acme/A$1.class", "content of com/acme/A$1.class"),
                        Map.entry("com/acme/A.class", "content of com/acme/A.class"),
                        Map.entry("com/acme/b/", ""),
                        Map.entry("com/acme/b/Z.class", "content of com/acme/b/Z.class"),
                        Map.entry("empty/", ""),
                        Map.entry("empty/folder/", ""));
    }

    @Test
    void aPackageOfTheJarIsFoundAsAResourceAsInTheFolderSoScannersFindItsClasses() throws IOException {
        Path classes = folder("classes", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Path jar = dir.resolve("classes.jar");

        DeterministicJar.of(classes, jar);

        for (Path entry : List.of(classes, jar)) {
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {entry.toUri().toURL()}, null)) {
                assertThat(Collections.list(loader.getResources("com/acme/")))
                        .as("com/acme/ in " + entry)
                        .hasSize(1);
                assertThat(Collections.list(loader.getResources("com/acme/b/"))).hasSize(1);
                assertThat(loader.getResource("com/acme/A.class")).isNotNull();
            }
        }
    }

    @Test
    void theFoldersOwnManifestIsTheJarsManifest() throws IOException {
        Path classes = folder("classes", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "X-Module: fixture\nImplementation-Title: t\n");
        Path jar = dir.resolve("classes.jar");

        DeterministicJar.of(classes, jar);

        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("X-Module")).isEqualTo("fixture");
            assertThat(main.getValue("Implementation-Title")).isEqualTo("t");
            assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
            assertThat(main.getValue("Created-By")).isNull();
        }
    }

    @Test
    void aPackagedJarHoldsTheSameAsItsFolderOnlyWhenEveryFileIsThereUnchangedAndNothingElse() throws IOException {
        Path classes = folder("classes", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Path jar = dir.resolve("packaged.jar");
        DeterministicJar.of(classes, jar);
        // Maven's own additions do not count
        Path withMaven = folder("with-maven", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Files.createDirectories(withMaven.resolve("META-INF/maven/g/a"));
        Files.writeString(withMaven.resolve("META-INF/maven/g/a/pom.properties"), "version=1");
        Path mavenJar = dir.resolve("maven.jar");
        DeterministicJar.of(withMaven, mavenJar);

        assertThat(DeterministicJar.holdsTheSameAs(classes, jar)).isTrue();
        assertThat(DeterministicJar.holdsTheSameAs(classes, mavenJar)).isTrue();

        // a changed class, an extra class, a missing class, a repackaged layout, no jar at all
        Files.writeString(classes.resolve("Top.class"), "changed since it was packaged");
        assertThat(DeterministicJar.holdsTheSameAs(classes, jar)).isFalse();
        Path more = folder("more", List.of("Top.class", "Extra.class"), Instant.parse("2020-01-01T10:00:00Z"));
        Path fewer = folder("fewer", List.of("Top.class"), Instant.parse("2020-01-01T10:00:00Z"));
        DeterministicJar.of(more, dir.resolve("more.jar"));
        assertThat(DeterministicJar.holdsTheSameAs(fewer, dir.resolve("more.jar")))
                .isFalse();
        DeterministicJar.of(fewer, dir.resolve("fewer.jar"));
        assertThat(DeterministicJar.holdsTheSameAs(more, dir.resolve("fewer.jar")))
                .isFalse();
        Path boot = folder("boot", List.of("BOOT-INF/classes/Top.class"), Instant.parse("2020-01-01T10:00:00Z"));
        DeterministicJar.of(boot, dir.resolve("boot.jar"));
        assertThat(DeterministicJar.holdsTheSameAs(fewer, dir.resolve("boot.jar")))
                .isFalse();
        assertThat(DeterministicJar.holdsTheSameAs(fewer, dir.resolve("none.jar")))
                .isFalse();
        Files.writeString(dir.resolve("corrupt.jar"), "not a zip file");
        assertThat(DeterministicJar.holdsTheSameAs(fewer, dir.resolve("corrupt.jar")))
                .isFalse();
    }

    @Test
    void anExistingJarIsReplacedAndNoTemporaryFileIsLeft() throws IOException {
        Path classes = folder("classes", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path jar = Files.writeString(out.resolve("classes.jar"), "an old jar");

        DeterministicJar.of(classes, jar);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(jar);
        }
        try (InputStream in = Files.newInputStream(jar);
                ZipInputStream zip = new ZipInputStream(in)) {
            assertThat(zip.getNextEntry()).isNotNull();
        }
    }

    @Test
    void anEmptyFolderGivesAJarWithOnlyAManifest() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path jar = dir.resolve("empty.jar");

        DeterministicJar.of(empty, jar);

        try (InputStream in = Files.newInputStream(jar);
                ZipInputStream zip = new ZipInputStream(in)) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("META-INF/");
            assertThat(zip.getNextEntry().getName()).isEqualTo("META-INF/MANIFEST.MF");
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    private Path folder(String name, List<String> files, Instant time) throws IOException {
        Path root = dir.resolve(name);
        for (String f : files) {
            Path file = root.resolve(f);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "content of " + f);
            Files.setLastModifiedTime(file, FileTime.from(time));
        }
        return root;
    }

    @Test
    void aJarWrittenAgainWithTheSameContentGetsTheSameTimeSoArchivesStayValid() throws IOException {
        // GIVEN a folder jarred for a link, then the jar deleted (mvn clean) and the folder jarred again
        Path classes = folder("classes", FILES, Instant.parse("2020-01-01T10:00:00Z"));
        Path jar = dir.resolve("jars/app.jar");
        DeterministicJar.ofIfChanged(classes, jar);
        FileTime first = Files.getLastModifiedTime(jar);
        Files.delete(jar);

        DeterministicJar.ofIfChanged(classes, jar);

        // THEN size and time, which CDS checks, are the same
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(first);
        assertThat(first.toInstant())
                .isBetween(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2035-01-01T00:00:00Z"));

        // and other content gets another time
        Files.writeString(classes.resolve("com/acme/A.class"), "changed", UTF_8);
        DeterministicJar.ofIfChanged(classes, jar);
        assertThat(Files.getLastModifiedTime(jar)).isNotEqualTo(first);
    }
}
