package io.pkgimage.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingJvmTests {

    @Test
    void whatIsNotSetHasTheDocumentedDefault() {
        assertThat(TrainingJvm.defaults())
                .isEqualTo(TrainingJvm.builder().build())
                .isEqualTo(new TrainingJvm(
                        Map.of(), List.of(), Map.of(), Map.of(), Path.of("").toAbsolutePath(), Duration.ofMinutes(30)));
    }

    @Test
    void toBuilderGivesBackEveryField() {
        // GIVEN settings with every field other than its default
        TrainingJvm jvm = TrainingJvm.builder()
                .systemProperties(Map.of("a", "1"))
                .jvmArguments(List.of("-Xmx1g"))
                .environment(Map.of("LANG", "C"))
                .configurationParameters(Map.of("junit.jupiter.execution.parallel.enabled", "true"))
                .workingDirectory(Path.of("module"))
                .timeout(Duration.ofSeconds(90))
                .build();

        // WHEN they are made again from their builder, THEN they are equal
        assertThat(jvm.toBuilder().build()).isEqualTo(jvm);
        // AND a change through the builder changes that field alone
        assertThat(jvm.toBuilder().timeout(Duration.ofSeconds(8)).build())
                .usingRecursiveComparison()
                .ignoringFields("timeout")
                .isEqualTo(jvm);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void aTimeoutThatIsNotPositiveIsRefused(long seconds) {
        assertThatThrownBy(() -> TrainingJvm.builder()
                        .timeout(Duration.ofSeconds(seconds))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The training timeout must be positive, not " + Duration.ofSeconds(seconds));
    }

    @Test
    void theCollectionsAreCopiedSoTheCallerCannotChangeTheSettingsLater() {
        List<String> jvmArguments = new ArrayList<>(List.of("-Xmx1g"));
        TrainingJvm jvm = TrainingJvm.builder().jvmArguments(jvmArguments).build();

        jvmArguments.add("-ea");

        assertThat(jvm.jvmArguments()).containsExactly("-Xmx1g");
        assertThatThrownBy(() -> jvm.jvmArguments().add("-ea")).isInstanceOf(UnsupportedOperationException.class);
    }
}
