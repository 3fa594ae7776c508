package io.pkgimage.core.link;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.io.DeterministicJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the linker jars a class folder: a CDS archive checks the jar's time, so an unchanged jar must stay as it is. */
class DeterministicJarIfChangedTests {
    private static final FileTime PAST = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void writesTheJarWhenThereIsNone() throws IOException {
        Path classes = folder("A v1");
        Path jar = dir.resolve("out/jars/app.jar");

        DeterministicJar.ofIfChanged(classes, jar);

        DeterministicJar.of(classes, dir.resolve("expected.jar"));
        assertThat(Files.readAllBytes(jar)).isEqualTo(Files.readAllBytes(dir.resolve("expected.jar")));
    }

    @Test
    void keepsTheFileAndItsTimeWhenTheContentIsTheSame() throws IOException {
        // GIVEN a jar of the folder, dated back, and the folder's files touched since
        Path classes = folder("A v1");
        Path jar = dir.resolve("out/jars/app.jar");
        DeterministicJar.ofIfChanged(classes, jar);
        Files.setLastModifiedTime(jar, PAST);
        Object inode = Files.readAttributes(jar, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        Files.setLastModifiedTime(classes.resolve("com/acme/A.class"), FileTime.from(Instant.now()));

        // WHEN
        DeterministicJar.ofIfChanged(classes, jar);

        // THEN the same file is there, with its old time, and no temporary file is left
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(PAST);
        assertThat(Files.readAttributes(jar, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey())
                .isEqualTo(inode);
        assertThat(list(jar.getParent())).containsExactly(jar);
    }

    @Test
    void replacesTheFileWhenTheContentDiffers() throws IOException {
        // GIVEN a jar of the folder, dated back, and then a class changed
        Path classes = folder("A v1");
        Path jar = dir.resolve("out/jars/app.jar");
        DeterministicJar.ofIfChanged(classes, jar);
        Files.setLastModifiedTime(jar, PAST);
        byte[] before = Files.readAllBytes(jar);
        Files.writeString(classes.resolve("com/acme/A.class"), "A v2", UTF_8);

        // WHEN
        DeterministicJar.ofIfChanged(classes, jar);

        // THEN the jar holds the new content, has a new time, and no temporary file is left
        DeterministicJar.of(classes, dir.resolve("expected.jar"));
        assertThat(Files.readAllBytes(jar))
                .isNotEqualTo(before)
                .isEqualTo(Files.readAllBytes(dir.resolve("expected.jar")));
        assertThat(Files.getLastModifiedTime(jar)).isNotEqualTo(PAST);
        assertThat(list(jar.getParent())).containsExactly(jar);
    }

    private Path folder(String content) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.writeString(classes.resolve("com/acme/A.class"), content, UTF_8);
        Files.writeString(classes.resolve("com/acme/B.class"), "B", UTF_8);
        return classes;
    }

    private static java.util.List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
