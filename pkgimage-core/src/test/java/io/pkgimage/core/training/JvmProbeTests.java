package io.pkgimage.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmProbeTests {
    @TempDir
    Path dir;

    private final Jdk jdk = Jdks.current();

    @Test
    void readsTheJvmThatTheOptionsMake() {
        TrainedOn serial = JvmProbe.trainedOn(jdk, List.of("-XX:+UseSerialGC"), dir, Duration.ofMinutes(1));
        TrainedOn wide = JvmProbe.trainedOn(
                jdk, List.of("-XX:+UseParallelGC", "-XX:-UseCompressedOops"), dir, Duration.ofMinutes(1));

        assertThat(serial.gc()).isEqualTo("Serial");
        assertThat(serial.compressedOops()).isTrue();
        assertThat(serial.runtimeVersion()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(serial.vendor()).isEqualTo(System.getProperty("java.vm.vendor"));
        assertThat(serial.feature()).isEqualTo(jdk.feature());
        assertThat(wide.gc()).isEqualTo("Parallel");
        assertThat(wide.compressedOops()).isFalse();
    }

    @Test
    void optionsTheJvmRefusesAreNamed() {
        assertThatThrownBy(() -> JvmProbe.trainedOn(jdk, List.of("-XX:+NoSuchOption"), dir, Duration.ofMinutes(1)))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("did not start with the options [-XX:+NoSuchOption]")
                .hasMessageContaining("NoSuchOption");
    }
}
