package io.pkgimage.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingRunTests {
    private static final Jdk JDK = new Jdk(Path.of("/jdk"), "Test", "17.0.1", "17.0.1+1", 17);

    @Test
    void whatIsNotSetHasTheDocumentedDefault() {
        TrainingRun run = TrainingRun.builder(JDK, Path.of("work")).build();

        assertThat(run.jdk()).isEqualTo(JDK);
        assertThat(run.workDirectory()).isEqualTo(Path.of("work"));
        assertThat(run.classpath()).isEmpty();
        assertThat(run.mainClass()).isEmpty();
        assertThat(run.mainArguments()).isEmpty();
        assertThat(run.testClasses()).isEmpty();
        assertThat(run.loadClasses()).isEmpty();
        assertThat(run.includeTags()).isEmpty();
        assertThat(run.excludeTags()).isEmpty();
        assertThat(run.methods()).isEmpty();
        assertThat(run.configurationParameters()).isEmpty();
        assertThat(run.systemProperties()).isEmpty();
        assertThat(run.jvmArguments()).isEmpty();
        assertThat(run.environment()).isEmpty();
        assertThat(run.workingDirectory()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(run.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(run.mode()).isEqualTo("classes");
    }

    @Test
    void toBuilderGivesBackEveryField() {
        TrainingRun run = TrainingRun.builder(JDK, Path.of("work"))
                .classpath(List.of(Path.of("a.jar")))
                .mainClass(Optional.of("com.acme.Main"))
                .mainArguments(List.of("x"))
                .testClasses(List.of("com.acme.ATests"))
                .loadClasses(List.of("com.acme.A"))
                .includeTags(List.of("fast"))
                .excludeTags(List.of("slow"))
                .methods(Optional.of("ATests#a*"))
                .configurationParameters(Map.of("k", "v"))
                .systemProperties(Map.of("p", "1"))
                .jvmArguments(List.of("-Xmx1g"))
                .environment(Map.of("LANG", "C"))
                .workingDirectory(Path.of("module"))
                .timeout(Duration.ofSeconds(5))
                .build();

        assertThat(run.toBuilder().build()).isEqualTo(run);
        assertThat(run.mode()).isEqualTo("main");
        assertThat(run.toBuilder().mainClass(Optional.empty()).build().mode()).isEqualTo("tests");
    }
}
