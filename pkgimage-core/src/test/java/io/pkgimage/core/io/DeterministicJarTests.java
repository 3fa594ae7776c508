package io.pkgimage.core.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        assertThat(entries)
                .containsExactly(
                        Map.entry("META-INF/services/x.Y", "content of META-INF/services/x.Y"),
                        Map.entry("Top.class", "content of Top.class"),
                        Map.entry("com/acme/A$1.class", "content of com/acme/A$1.class"),
                        Map.entry("com/acme/A.class", "content of com/acme/A.class"),
                        Map.entry("com/acme/b/Z.class", "content of com/acme/b/Z.class"));
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
    void anEmptyFolderGivesAnEmptyJar() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path jar = dir.resolve("empty.jar");

        DeterministicJar.of(empty, jar);

        try (InputStream in = Files.newInputStream(jar);
                ZipInputStream zip = new ZipInputStream(in)) {
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
