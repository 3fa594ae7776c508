package io.pkgimage.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.PkgImageVersion;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.training.TrainingJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompileRequestTests {
    private static final Jdk JDK = new Jdk(Path.of("/jdk"), "Test", "17.0.1", "17.0.1+1", 17);
    private static final Coordinates MODULE = Coordinates.of("com.acme", "app", "1.0");

    @Test
    void whatIsNotSetHasTheDocumentedDefault() {
        CompileRequest request = CompileRequest.builder(Workload.tests(), MODULE, JDK)
                .classesDirectory(Path.of("classes"))
                .imageFile(Path.of("app-1.0-pkgimage.jar"))
                .workDirectory(Path.of("work"))
                .build();

        assertThat(request.workload()).isEqualTo(Workload.tests());
        assertThat(request.coordinates()).isEqualTo(MODULE);
        assertThat(request.jdk()).isEqualTo(JDK);
        assertThat(request.classesDirectory()).isEqualTo(Path.of("classes"));
        assertThat(request.imageFile()).isEqualTo(Path.of("app-1.0-pkgimage.jar"));
        assertThat(request.workDirectory()).isEqualTo(Path.of("work"));
        assertThat(request.testClassesDirectory()).isEmpty();
        assertThat(request.dependencies()).isEmpty();
        assertThat(request.harness()).isEmpty();
        assertThat(request.selection()).isEqualTo(TestSelection.defaults());
        assertThat(request.jvm()).isEqualTo(TrainingJvm.defaults());
        assertThat(request.failOnTrainingFailure()).isFalse();
        assertThat(request.toolVersion()).isEqualTo(PkgImageVersion.forKeys());
    }

    @Test
    void toBuilderGivesBackEveryField() {
        // GIVEN a request with every field set to something other than its default
        CompileRequest request = CompileRequest.builder(Workload.main("com.acme.Main", List.of("x")), MODULE, JDK)
                .classesDirectory(Path.of("target/classes"))
                .testClassesDirectory(Optional.of(Path.of("target/test-classes")))
                .dependencies(List.of(ClasspathEntry.test(Path.of("junit.jar"))))
                .harness(List.of(Path.of("launcher.jar")))
                .selection(new TestSelection(
                        List.of("**/*Spec.java"), List.of(), Optional.empty(), List.of("fast"), List.of("slow")))
                .jvm(TrainingJvm.builder().timeout(Duration.ofSeconds(90)).build())
                .failOnTrainingFailure(true)
                .imageFile(Path.of("target/app-1.0-pkgimage.jar"))
                .workDirectory(Path.of("target/pkgimage/record"))
                .toolVersion("test")
                .build();

        // WHEN it is made again from its builder, THEN it is equal
        assertThat(request.toBuilder().build()).isEqualTo(request);
        // AND a change through the builder changes that field alone
        assertThat(request.toBuilder().harness(List.of()).build())
                .usingRecursiveComparison()
                .ignoringFields("harness")
                .isEqualTo(request);
    }

    @Test
    void theFoldersWithoutADefaultMustBeSet() {
        assertThatThrownBy(() -> CompileRequest.builder(Workload.tests(), MODULE, JDK)
                        .imageFile(Path.of("app-1.0-pkgimage.jar"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A compile request of com.acme:app:1.0 needs [classesDirectory, workDirectory], which have"
                        + " no default; set them on the builder");
    }
}
