package io.pkgimage.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import io.pkgimage.core.Progress;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.compile.CompileRequest;
import io.pkgimage.core.compile.ImageCompiler;
import io.pkgimage.core.compile.TestSelection;
import io.pkgimage.core.compile.Workload;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.jdk.Jdks;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.training.TrainingJvm;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package image the tests of this module judge: a real image of Gson, trained once per test JVM by the core
 * compiler with {@link Training} as its tests (under {@code target/test-images}; an up-to-date image is reused).
 */
final class GsonImage {
    static final String GSON_VERSION = "2.13.2";

    private static Path image;

    private GsonImage() {}

    static synchronized Path path() {
        if (image == null) {
            image = train(Path.of("target", "test-images").toAbsolutePath());
        }
        return image;
    }

    private static Path train(Path dir) {
        Path testClasses = ForkedJvm.locationOf(GsonImage.class);
        List<ClasspathEntry> dependencies = SoundnessSettings.testClassPath().stream()
                .filter(p -> !p.equals(testClasses))
                .map(p -> p.getFileName().toString().equals("gson-" + GSON_VERSION + ".jar")
                        ? ClasspathEntry.dependency(p, Coordinates.of("com.google.code.gson", "gson", GSON_VERSION))
                        : ClasspathEntry.test(p))
                .collect(Collectors.toList());
        assertThat(dependencies).anyMatch(e -> e.role() == ClasspathEntry.Role.DEPENDENCY);
        Path file = dir.resolve("fixtures-1.0-pkgimage.jar");
        try {
            Files.createDirectories(dir.resolve("classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImageCompiler.compile(
                CompileRequest.builder(
                                Workload.tests(), Coordinates.of("io.pkgimage.test", "fixtures", "1.0"), Jdks.current())
                        .classesDirectory(dir.resolve("classes"))
                        .testClassesDirectory(Optional.of(testClasses))
                        .dependencies(dependencies)
                        .selection(new TestSelection(
                                List.of("**/GsonImage$Training.class"),
                                List.of("**/Nothing"),
                                Optional.empty(),
                                List.of(),
                                List.of()))
                        .jvm(TrainingJvm.builder()
                                .workingDirectory(dir)
                                .timeout(Duration.ofMinutes(5))
                                .build())
                        .failOnTrainingFailure(true)
                        .imageFile(file)
                        .workDirectory(dir.resolve("training"))
                        .toolVersion("test")
                        .build(),
                Progress.silent());
        return file;
    }

    /** The image's training: what Gson's own tests would do, written here. */
    static class Training {
        @Test
        void roundTrips() {
            Gson gson = new Gson();
            Map<?, ?> read = gson.fromJson("{\"name\":\"Ada\",\"langs\":[\"en\",\"fr\"]}", Map.class);
            assertEquals("{\"name\":\"Ada\",\"langs\":[\"en\",\"fr\"]}", gson.toJson(read));
        }
    }
}
