package io.pkgimage.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingRunTests {
    private static final Jdk JDK = new Jdk(Path.of("/jdk"), "Test", "17.0.1", "17.0.1+1", 17);

    @Test
    void whatIsNotSetHasTheDocumentedDefault() {
        TrainingRun run = TrainingRun.builder(JDK, Path.of("work")).build();

        assertThat(run)
                .isEqualTo(new TrainingRun(
                        JDK,
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        List.of(),
                        List.of(),
                        TestFilter.none(),
                        TrainingJvm.defaults(),
                        Path.of("work")));
        assertThat(run.mode()).isEqualTo("classes");
    }

    @Test
    void toBuilderGivesBackEveryFieldAndTheModeFollowsTheMainClassAndTheTests() {
        TrainingRun run = TrainingRun.builder(JDK, Path.of("work"))
                .classpath(List.of(Path.of("a.jar")))
                .mainClass(Optional.of("com.acme.Main"))
                .mainArguments(List.of("x"))
                .testClasses(List.of("com.acme.ATests"))
                .loadClasses(List.of("com.acme.A"))
                .filter(new TestFilter(List.of("fast"), List.of("slow"), Optional.of("ATests#a*")))
                .jvm(TrainingJvm.builder().timeout(Duration.ofSeconds(5)).build())
                .build();

        assertThat(run.toBuilder().build()).isEqualTo(run);
        assertThat(run.mode()).isEqualTo("main");
        assertThat(run.toBuilder().mainClass(Optional.empty()).build().mode()).isEqualTo("tests");
    }
}
