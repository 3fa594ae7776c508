package io.pkgimage.core.compile;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pkgimage.core.TestFiles;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.ImagePart;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.image.TestImages;
import io.pkgimage.core.image.TrainingSummary;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.JdkPackages;
import io.pkgimage.core.jdk.Jdks;
import io.pkgimage.core.training.RecordingProgress;
import io.pkgimage.core.training.TrainingException;
import io.pkgimage.core.training.TrainingFailuresException;
import io.pkgimage.core.training.TrainingJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles images of small modules built in the test, with real training JVMs. */
class ImageCompilerTests {
    private static final Coordinates MODULE = Coordinates.of("com.acme", "greeter", "1.0");

    @TempDir
    Path dir;

    private final RecordingProgress progress = new RecordingProgress();
    private final List<String> infos = progress.infos;
    private final List<String> warnings = progress.warnings;

    @Test
    void trainsAnImageWithThePackagesTests() throws IOException {
        // GIVEN a module with a class, a dependency-free test and a passing test class
        Path module = module(
                GREETER,
                "com.acme.GreeterTests",
                """
                package com.acme;
                import static org.junit.jupiter.api.Assertions.assertEquals;
                import org.junit.jupiter.api.Test;
                class GreeterTests {
                    @Test void greets() { assertEquals("Hello, Ada!", Greeter.greet("Ada")); }
                    @Test void greetsNobody() { assertEquals("Hello, nobody!", Greeter.greet("")); }
                }
                """);

        // WHEN
        CompileResult result = ImageCompiler.compile(request(module, Jdks.current()), progress);

        // THEN the image holds the package's classes, fingerprinted, and what the tests loaded, split by owner
        PackageImage image = ImageCodec.read(result.imageFile());
        assertThat(result.upToDate()).isFalse();
        assertThat(image).isEqualTo(result.image());
        assertThat(image.coordinates()).isEqualTo(MODULE);
        assertThat(TestImages.testsPart(image).summary().mode()).isEqualTo("tests");
        assertThat(TestImages.testsPart(image).summary().run()).isEqualTo(2);
        assertThat(TestImages.testsPart(image).summary().failed()).isZero();
        assertThat(image.trainedOn().feature()).isEqualTo(Runtime.version().feature());
        assertThat(image.trainedOn().gc()).isNotEqualTo("unknown");
        assertThat(image.fingerprints()).containsOnlyKeys("com/acme/Greeter", "com/acme/Greeter$Unused");
        assertThat(TestImages.testsPart(image).ownClasses())
                .extracting(ClassEntry::name)
                .containsExactly("com/acme/Greeter");
        assertThat(TestImages.testsPart(image).ownClasses().get(0).sha256())
                .contains(image.fingerprints().get("com/acme/Greeter"));
        assertThat(TestImages.testsPart(image).jdkClasses())
                .extracting(ClassEntry::name)
                .contains("java/lang/Object", "java/lang/String");
        assertThat(TestImages.testsPart(image).jdkClasses())
                .allMatch(e -> e.sha256().isEmpty());
        List<String> all = new ArrayList<>();
        TestImages.testsPart(image).jdkClasses().forEach(e -> all.add(e.name()));
        TestImages.testsPart(image).dependencyClasses().values().forEach(l -> l.forEach(e -> all.add(e.name())));
        assertThat(all)
                .noneMatch(n -> n.startsWith("org/junit/")
                        || n.startsWith("com/acme/GreeterTests")
                        || n.startsWith("io/pkgimage/"));
        assertThat(infos).anyMatch(m -> m.startsWith("Training com.acme:greeter:1.0 with 1 test classes on JDK "));
        assertThat(warnings).isEmpty();
    }

    @Test
    void classesTheJdkGeneratesInItsOwnPackagesStayOutOfTheImage() throws IOException {
        // GIVEN tests that record a JFR event: JFR generates an event handler class in a JDK package as it runs
        Path module = module(
                GREETER,
                "com.acme.GreeterTests",
                """
                package com.acme;
                import org.junit.jupiter.api.Test;
                class GreeterTests {
                    @jdk.jfr.Name("com.acme.Greeted") static class Greeted extends jdk.jfr.Event { String who; }
                    @Test void greetsWhileRecorded() {
                        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
                            recording.start();
                            Greeted event = new Greeted();
                            event.who = Greeter.greet("Ada");
                            event.commit();
                            recording.stop();
                        }
                    }
                }
                """);

        // WHEN
        CompileResult result = ImageCompiler.compile(request(module, Jdks.current()), progress);

        // THEN the JDK's own JFR classes are in the image, the generated ones (which no archive can hold) are not
        List<String> jdk = TestImages.testsPart(result.image()).jdkClasses().stream()
                .map(ClassEntry::name)
                .toList();
        assertThat(TestImages.testsPart(result.image()).summary().failed()).isZero();
        assertThat(jdk).contains("jdk/jfr/Recording").allMatch(name -> JdkPackages.hasClass(Jdks.current(), name));
        if (Jdks.current().feature() == 17) {
            // JDK 17 names them jdk/jfr/internal/handlers/EventHandler<n>_<time>-<pid>: the recording had some
            assertThat(Files.readAllLines(module.resolve("work").resolve("training.classlist")))
                    .anyMatch(l -> l.startsWith("jdk/jfr/internal/handlers/EventHandler") && l.contains("_"));
        }
        assertThat(jdk)
                .noneMatch(name -> name.startsWith("jdk/jfr/internal/handlers/EventHandler") && name.contains("_"));
    }

    @Test
    void reusesAnUpToDateImageAndRetrainsWhenAnInputChanges() throws IOException {
        Path module = module(GREETER, "com.acme.GreeterTests", PASSING_TEST);
        CompileRequest request = request(module, Jdks.current());
        ImageCompiler.compile(request, progress);
        byte[] first = Files.readAllBytes(request.imageFile());

        CompileResult again = ImageCompiler.compile(request, progress);

        assertThat(again.upToDate()).isTrue();
        assertThat(Files.readAllBytes(request.imageFile())).isEqualTo(first);
        assertThat(infos)
                .anyMatch(m -> m.contains("is up to date for its tests part (no input changed since it was recorded)"));

        // a changed class file retrains
        Path classFile = module.resolve("classes/com/acme/Greeter.class");
        byte[] bytes = Files.readAllBytes(classFile);
        // the same bytes written again (a new mtime) are no change: inputs are compared by content
        Files.write(classFile, bytes);
        assertThat(ImageCompiler.compile(request, progress).upToDate()).isTrue();
        TestFiles.javac(
                dir,
                module.resolve("classes"),
                List.of(),
                Map.of("com.acme.Greeter", GREETER.replace("Hello, ", "Hi, ")));
        assertThat(ImageCompiler.compile(request, progress).upToDate()).isFalse();
    }

    @Test
    void withoutTestsLoadsThePackagesClassesWithoutInitialisingThem() throws IOException {
        Path module = module(GREETER, null, null);
        Path marker = dir.resolve("initialised");
        String initialising = GREETER.replace(
                "static String greet",
                "static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"x\"); }"
                        + " catch (java.io.IOException e) { throw new RuntimeException(e); } }\n    static String greet");
        TestFiles.javac(dir, module.resolve("classes"), List.of(), Map.of("com.acme.Greeter", initialising));

        CompileResult result = ImageCompiler.compile(request(module, Jdks.current()), progress);

        assertThat(TestImages.testsPart(result.image()).summary().mode()).isEqualTo("classes");
        assertThat(TestImages.testsPart(result.image()).summary().run()).isEqualTo(2);
        assertThat(TestImages.testsPart(result.image()).ownClasses())
                .extracting(ClassEntry::name)
                .containsExactly("com/acme/Greeter", "com/acme/Greeter$Unused");
        assertThat(marker).doesNotExist();
        assertThat(infos)
                .anyMatch(m -> m.contains("No test classes match")
                        && m.contains("training by loading the package's 2 classes without initialising them"));
    }

    @Test
    void failingTestsAreListedAndTheImageIsBuiltFromWhatRan() throws IOException {
        Path module = module(GREETER, "com.acme.GreeterTests", FAILING_TEST);

        CompileResult result = ImageCompiler.compile(request(module, Jdks.current()), progress);

        assertThat(TestImages.testsPart(result.image()).summary().run()).isEqualTo(2);
        assertThat(TestImages.testsPart(result.image()).summary().failed()).isEqualTo(1);
        assertThat(TestImages.testsPart(result.image()).summary().failures())
                .singleElement()
                .asString()
                .startsWith("com.acme.GreeterTests#wrong [wrong()] — org.opentest4j.AssertionFailedError: expected");
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("1 tests failed during training; the image is built from what ran")
                .contains("com.acme.GreeterTests#wrong");
    }

    @Test
    void failOnTrainingFailureMakesFailingTestsFatalAndWritesNoImage() throws IOException {
        Path module = module(GREETER, "com.acme.GreeterTests", FAILING_TEST);
        CompileRequest request = withFailOnTrainingFailure(request(module, Jdks.current()));

        assertThatThrownBy(() -> ImageCompiler.compile(request, progress))
                .isInstanceOf(TrainingFailuresException.class)
                .hasMessageStartingWith(
                        "1 tests failed while training com.acme:greeter:1.0 (failOnTrainingFailure is set):")
                .hasMessageContaining("com.acme.GreeterTests#wrong");
        assertThat(request.imageFile()).doesNotExist();
    }

    @Test
    void aCrashingTrainingJvmIsReportedWithItsCommandLineAndLastOutput() throws IOException {
        Path module = module(
                GREETER,
                "com.acme.GreeterTests",
                """
                package com.acme;
                import org.junit.jupiter.api.Test;
                class GreeterTests {
                    @Test void exits() { System.out.println("leaving now"); System.exit(7); }
                }
                """);
        CompileRequest request = request(module, Jdks.current());

        assertThatThrownBy(() -> ImageCompiler.compile(request, progress))
                .isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("The training JVM terminated without properly saying goodbye (exit code 7).")
                .hasMessageContaining("Command was: " + Jdks.current().javaExecutable())
                .hasMessageContaining("io.pkgimage.core.training.child.TrainingMain")
                .hasMessageEndingWith("Last output of the JVM:\n  leaving now");
        assertThat(request.imageFile()).doesNotExist();
    }

    @Test
    void aHangingTrainingJvmIsStoppedAtTheTimeout() throws IOException {
        Path module = module(
                GREETER,
                "com.acme.GreeterTests",
                """
                package com.acme;
                import org.junit.jupiter.api.Test;
                class GreeterTests {
                    @Test void hangs() throws Exception { System.out.println("sleeping"); Thread.sleep(600_000); }
                }
                """);
        CompileRequest base = request(module, Jdks.current());
        CompileRequest request = base.toBuilder()
                .jvm(base.jvm().toBuilder().timeout(Duration.ofSeconds(8)).build())
                .build();

        assertThatThrownBy(() -> ImageCompiler.compile(request, progress))
                .isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("The training JVM did not finish within 8 s and was stopped.")
                .hasMessageContaining("(property pkgimage.timeout, in seconds)")
                .hasMessageEndingWith("\n  sleeping");
    }

    @Test
    void trainsOnJdk25WithResolvedConstantPoolLines() throws IOException {
        Optional<Jdk> jdk25 = Jdks.standardLocations().installed().stream()
                .filter(j -> j.feature() >= 24)
                .findFirst();
        assumeTrue(jdk25.isPresent(), "no JDK 24+ installed");
        Path module = module(GREETER, "com.acme.GreeterTests", PASSING_TEST);

        PackageImage image =
                ImageCompiler.compile(request(module, jdk25.get()), progress).image();

        assertThat(image.trainedOn().feature()).isEqualTo(jdk25.get().feature());
        assertThat(TestImages.testsPart(image).ownClasses().get(0).lines())
                .anyMatch(l -> l.startsWith("@cp com/acme/Greeter "));
    }

    // ---- fixtures

    @Test
    void recordsAMainClassAsAPartNextToTheTestsAndReportsItsFailures() throws IOException {
        Path module = module(GREETER_MAIN, "com.acme.GreeterTests", PASSING_TEST);
        CompileRequest tests = request(module, Jdks.current());
        ImageCompiler.compile(tests, progress);

        // WHEN the main class is recorded into the same image
        CompileResult recorded =
                ImageCompiler.compile(with(tests, Workload.main("com.acme.Greeter", List.of("Ada")), false), progress);

        // THEN the image holds both parts: the tests part as it was, the main part with what main loaded
        PackageImage image = ImageCodec.read(recorded.imageFile());
        assertThat(image.parts().keySet()).containsExactly(ImagePart.TESTS, ImagePart.MAIN);
        ImagePart main = image.part(ImagePart.MAIN).orElseThrow();
        assertThat(main.summary())
                .isEqualTo(new TrainingSummary("main", 1, 0, 0, main.summary().wallMillis(), List.of()));
        assertThat(main.jdkClasses()).extracting(ClassEntry::name).contains("java/util/zip/Adler32");
        assertThat(TestImages.testsPart(image).jdkClasses())
                .extracting(ClassEntry::name)
                .doesNotContain("java/util/zip/Adler32");
        assertThat(infos)
                .anyMatch(m ->
                        m.startsWith("Recording the workload com.acme.Greeter [Ada] of com.acme:greeter:1.0 on JDK "));

        // a second record with nothing changed is up to date; other arguments record again
        assertThat(ImageCompiler.compile(
                                with(tests, Workload.main("com.acme.Greeter", List.of("Ada")), false), progress)
                        .upToDate())
                .isTrue();
        assertThat(ImageCompiler.compile(tests, progress).upToDate()).isTrue();

        // a main that ends with System.exit(3) is a failed run, listed; with failOnTrainingFailure one that throws
        // fails
        CompileResult exited =
                ImageCompiler.compile(with(tests, Workload.main("com.acme.Greeter", List.of("exit")), false), progress);
        assertThat(exited.image().part(ImagePart.MAIN).orElseThrow().summary().failures())
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith("com.acme.Greeter.main [exit] — System.exit(3)");
        assertThat(warnings).anyMatch(w -> w.startsWith("1 run of the workload failed during training"));
        assertThatThrownBy(() -> ImageCompiler.compile(
                        with(tests, Workload.main("com.acme.Greeter", List.of("throw")), true), progress))
                .isInstanceOf(TrainingFailuresException.class)
                .hasMessageContaining(
                        "com.acme.Greeter.main [throw] — java.lang.IllegalStateException: no greeting for throw");
    }

    @Test
    void aMainThatHaltsTheJvmWithExitCodeZeroIsACompleteRunAndWithAnotherCodeAFailure() throws IOException {
        Path module = module(GREETER_MAIN, "com.acme.GreeterTests", PASSING_TEST);
        CompileRequest tests = request(module, Jdks.current());

        // WHEN a main halts the JVM (Runtime.halt runs no shutdown hook) with exit code 0
        CompileResult halted =
                ImageCompiler.compile(with(tests, Workload.main("com.acme.Greeter", List.of("halt")), true), progress);

        // THEN its run counts as complete, what it loaded until it halted is in the part, and the log says so
        ImagePart main = halted.image().part(ImagePart.MAIN).orElseThrow();
        assertThat(main.summary().run()).isEqualTo(1);
        assertThat(main.summary().failed()).isZero();
        assertThat(main.jdkClasses()).extracting(ClassEntry::name).contains("java/util/zip/Adler32");
        assertThat(infos)
                .contains("The workload com.acme.Greeter halted the JVM with exit code 0 (Runtime.halt, as"
                        + " -Dspring.context.exit=onRefresh does); its run counts as complete");

        // a halt with another code is not a run that ended well: the training fails, saying what to look for
        assertThatThrownBy(() -> ImageCompiler.compile(
                        with(tests, Workload.main("com.acme.Greeter", List.of("halt3")), false), progress))
                .isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("The training JVM terminated without properly saying goodbye (exit code 3)."
                        + " Did the workload halt the JVM with a non-zero code, or crash it? Command was: ");
    }

    private static final String GREETER =
            """
            package com.acme;
            public final class Greeter {
                static String greet(String name) {
                    return "Hello, " + (name.isEmpty() ? "nobody" : name) + "!";
                }
                static final class Unused {}
            }
            """;

    /** A greeter with a main class that fails as its argument says. */
    private static final String GREETER_MAIN =
            """
            package com.acme;
            public final class Greeter {
                static String greet(String name) {
                    return "Hello, " + (name.isEmpty() ? "nobody" : name) + "!";
                }
                public static void main(String[] args) {
                    switch (args[0]) {
                        case "exit" -> System.exit(3);
                        case "throw" -> throw new IllegalStateException("no greeting for " + args[0]);
                        case "halt", "halt3" -> {
                            // as Spring's -Dspring.context.exit=onRefresh ends a training run: no shutdown hook runs
                            new java.util.zip.Adler32().update(1);
                            Runtime.getRuntime().halt(args[0].equals("halt") ? 0 : 3);
                        }
                        default -> {
                            java.util.zip.Adler32 sum = new java.util.zip.Adler32();
                            sum.update(greet(args[0]).getBytes());
                            System.out.println(sum.getValue());
                        }
                    }
                }
                static final class Unused {}
            }
            """;

    private static final String PASSING_TEST =
            """
            package com.acme;
            import static org.junit.jupiter.api.Assertions.assertEquals;
            import org.junit.jupiter.api.Test;
            class GreeterTests {
                @Test void greets() { assertEquals("Hello, Ada!", Greeter.greet("Ada")); }
            }
            """;

    private static final String FAILING_TEST =
            """
            package com.acme;
            import static org.junit.jupiter.api.Assertions.assertEquals;
            import org.junit.jupiter.api.Test;
            class GreeterTests {
                @Test void greets() { assertEquals("Hello, Ada!", Greeter.greet("Ada")); }
                @Test void wrong() { assertEquals("Bye", Greeter.greet("Ada")); }
            }
            """;

    /** A module folder with {@code classes/} and, when a test is given, {@code test-classes/}. */
    private Path module(String greeter, String testClass, String testSource) throws IOException {
        Path module = Files.createDirectories(dir.resolve("module"));
        TestFiles.javac(dir, module.resolve("classes"), List.of(), Map.of("com.acme.Greeter", greeter));
        Files.createDirectories(module.resolve("test-classes"));
        if (testClass != null) {
            List<Path> cp = new ArrayList<>(junit());
            cp.add(module.resolve("classes"));
            TestFiles.javac(dir, module.resolve("test-classes"), cp, Map.of(testClass, testSource));
        }
        return module;
    }

    /** The JUnit Platform and Jupiter jars of this test run, which the training child needs. */
    private static List<Path> junit() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith("junit-")
                            || name.startsWith("opentest4j")
                            || name.startsWith("apiguardian")
                            || name.startsWith("jspecify");
                })
                .collect(Collectors.toList());
    }

    private CompileRequest request(Path module, Jdk jdk) {
        List<ClasspathEntry> deps = junit().stream().map(ClasspathEntry::test).collect(Collectors.toList());
        return CompileRequest.builder(Workload.tests(), MODULE, jdk)
                .classesDirectory(module.resolve("classes"))
                .testClassesDirectory(Optional.of(module.resolve("test-classes")))
                .dependencies(deps)
                .jvm(TrainingJvm.builder()
                        .workingDirectory(module)
                        .timeout(Duration.ofMinutes(2))
                        .build())
                .imageFile(module.resolve("greeter-1.0-pkgimage.jar"))
                .workDirectory(module.resolve("work"))
                .toolVersion("test")
                .build();
    }

    private static CompileRequest withFailOnTrainingFailure(CompileRequest r) {
        return with(r, r.workload(), true);
    }

    private static CompileRequest with(CompileRequest r, Workload workload, boolean failOnTrainingFailure) {
        return r.toBuilder()
                .workload(workload)
                .failOnTrainingFailure(failOnTrainingFailure)
                .build();
    }
}
