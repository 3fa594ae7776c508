package io.pkgimage.core.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.Progress;
import io.pkgimage.core.link.JavaAgents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistLauncherTests {
    @TempDir
    Path root;

    @Test
    void aCopyThatChangedTheTimesGetsThemBackAndAnUntouchedDistIsLeftAlone() throws IOException {
        // GIVEN a dist whose jar and image a copy gave new times
        Files.createDirectories(root.resolve("lib"));
        Files.createDirectories(root.resolve("images"));
        Path jar = Files.writeString(root.resolve("lib/a.jar"), "a");
        Path image = Files.writeString(root.resolve("images/a-pkgimage.jar"), "i");
        DistLayout dist = new DistLayout(
                "a", "A", List.of("lib/a.jar"), List.of("images/a-pkgimage.jar"), FileTime.fromMillis(1000), "0.3.0");

        // WHEN the times are put back, twice
        int first = DistLauncher.restoreTimes(root, dist, Progress.silent());
        int second = DistLauncher.restoreTimes(root, dist, Progress.silent());

        // THEN both files got the dist's time once, and nothing the second time
        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(dist.fileTime());
        assertThat(Files.getLastModifiedTime(image)).isEqualTo(dist.fileTime());
    }

    @Test
    void theArchiveIsLinkedAndProvenWithoutTheRunsAgentsButWithTheirModule() {
        assertThat(DistLauncher.runOptions(List.of("-Xmx512m", "-javaagent:/opt/apm.jar"), true))
                .containsExactly("-Xmx512m", JavaAgents.INSTRUMENT_MODULE);
        assertThat(DistLauncher.runOptions(List.of("-Xmx512m"), true))
                .containsExactly("-Xmx512m", JavaAgents.INSTRUMENT_MODULE);
        assertThat(DistLauncher.runOptions(List.of("-Xmx512m"), false)).containsExactly("-Xmx512m");
    }
}
