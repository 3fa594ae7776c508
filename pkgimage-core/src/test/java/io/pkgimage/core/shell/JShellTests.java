package io.pkgimage.core.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import io.pkgimage.core.training.RecordingProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's command line, its proof from the class-load log, and the cached archive of JShell's own JVM. */
class JShellTests {
    @TempDir
    Path dir;

    private final Jdk jdk = Jdks.current();
    private final RecordingProgress progress = new RecordingProgress();

    @Test
    void theExecutionJvmGetsTheLinkAndTheLogsAndTheScriptComesLast() {
        JShell.Session session = new JShell.Session(
                jdk,
                List.of("-XX:TieredStopAtLevel=1"),
                List.of(dir.resolve("a.jar"), dir.resolve("b.jar")),
                dir.resolve("app-shell.args"),
                Optional.of(dir.resolve("setup.jsh")),
                Optional.of(dir.resolve("session.classlist")),
                dir.resolve("load.log"));

        List<String> command = session.command();

        assertThat(command.get(0)).isEqualTo(jdk.javaExecutable().toString());
        assertThat(command.subList(1, 5))
                .containsExactly(
                        "-XX:TieredStopAtLevel=1",
                        "-m",
                        "jdk.jshell/jdk.internal.jshell.tool.JShellToolProvider",
                        "--class-path");
        assertThat(command.get(5)).isEqualTo(dir.resolve("a.jar") + java.io.File.pathSeparator + dir.resolve("b.jar"));
        assertThat(command.subList(6, 9))
                .containsExactly(
                        "-R@" + dir.resolve("app-shell.args"),
                        "-R-Xlog:class+load=info:file=" + dir.resolve("load.log"),
                        "-R-XX:DumpLoadedClassList=" + dir.resolve("session.classlist"));
        assertThat(command.get(command.size() - 1))
                .isEqualTo(dir.resolve("setup.jsh").toString());
    }

    @Test
    void pathsWithSpacesCannotReachTheExecutionJvm() {
        JShell.Session session = new JShell.Session(
                jdk,
                List.of(),
                List.of(),
                dir.resolve("my project/app-shell.args"),
                Optional.empty(),
                Optional.empty(),
                dir.resolve("load.log"));

        assertThatIllegalArgumentException()
                .isThrownBy(session::command)
                .withMessageContaining("split at spaces")
                .withMessageContaining("my project/app-shell.args");
    }

    @Test
    void theProofCountsClassPathClassesFromTheArchiveAndFromJars() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("com/acme"));
        for (String c : List.of("A", "B", "C")) {
            Files.write(classes.resolve("com/acme/" + c + ".class"), new byte[] {1});
        }
        Path log = dir.resolve("load.log");
        Files.write(
                log,
                List.of(
                        "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                        "[0.020s][info][class,load] com.acme.A source: shared objects file",
                        "[0.021s][info][class,load] com.acme.B source: shared objects file (top)",
                        "[0.030s][info][class,load] com.acme.C source: file:" + classes + "/",
                        "[0.040s][info][class,load] REPL.$JShell$11 source: __JShell__"));

        JShell.Proof proof = JShell.proof(log, List.of(classes), jdk.feature());

        assertThat(proof).isEqualTo(new JShell.Proof(2, 1, 1));
        assertThat(JShell.proof(dir.resolve("none.log"), List.of(classes), jdk.feature()))
                .isEqualTo(new JShell.Proof(0, 0, 0));
    }

    @Test
    void theArchiveOfJShellsJvmIsMadeOnceProvenAndMadeAgainWhenItDoesNotHold() throws IOException {
        Path cache = dir.resolve("cache");

        List<String> options = JShell.compilerArchive(jdk, cache, Duration.ofMinutes(2), progress);

        Path archive = Path.of(options.get(1).substring(options.get(1).indexOf('=') + 1));
        assertThat(options.get(0)).isIn("-Xshare:on", "-XX:AOTMode=on");
        assertThat(archive).isRegularFile().hasParent(cache);
        assertThat(progress.infos).hasSize(1).allMatch(m -> m.startsWith("Making the archive of JShell's classes"));
        assertThat(progress.warnings).isEmpty();

        // reused while its checksum holds
        assertThat(JShell.compilerArchive(jdk, cache, Duration.ofMinutes(2), progress))
                .isEqualTo(options);
        assertThat(progress.infos).hasSize(1);

        // a truncated archive is never served: it is made again
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(JShell.compilerArchive(jdk, cache, Duration.ofMinutes(2), progress))
                .isEqualTo(options);
        assertThat(progress.infos).hasSize(2);
        // (a dumped archive's size varies a little from dump to dump; the new one is whole and its checksum is its own)
        assertThat(Files.size(archive)).isGreaterThan(bytes.length / 2 + 1);
        assertThat(Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256"))
                        .strip())
                .isEqualTo(io.pkgimage.core.io.Hashing.sha256(archive));
        try (var left = Files.list(cache)) {
            assertThat(left).allMatch(p -> !p.getFileName().toString().startsWith("making-"));
        }
    }
}
