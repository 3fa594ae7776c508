package io.pkgimage.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.google.gson.Gson;
import io.pkgimage.core.jdk.Jdks;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The harness run through the JUnit Platform on fixture classes below, each judged in real child JVMs against a real
 * image of Gson ({@link GsonImage}).
 */
class ImageSoundnessTests {
    private static Path image;

    @TempDir
    Path work;

    @BeforeAll
    static void trainAnImageOfGson() {
        image = GsonImage.path();
    }

    @BeforeEach
    void noChildRunsLeftFromAnotherTest() {
        assertThat(image).isRegularFile();
    }

    @Test
    void aTestWithTheSameResultPlainAndImagedIsSoundAndTheImagedJvmLoadedThePackageFromTheArchive() throws IOException {
        EngineExecutionResults results = run(SoundFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).aborted(1));
        assertThat(failure(results, "assumesNothing"))
                .hasMessage("SOUND: ABORTED org.opentest4j.TestAbortedException: Assumption failed: never here,"
                        + " plain and imaged alike");
        // the children ran the class for real: Gson from the archive imaged, from its jar plain; JUnit from the shared
        // archive of the test infrastructure in both
        Path round = runs(SoundFixture.class).resolve("round-1");
        String junit = "org.junit.jupiter.engine.JupiterTestEngine source: shared objects file";
        assertThat(Files.readString(round.resolve("imaged/class-load.log")))
                .contains("com.google.gson.Gson source: shared objects file")
                .contains(junit);
        assertThat(Files.readString(round.resolve("plain/class-load.log")))
                .containsPattern("com\\.google\\.gson\\.Gson source: .*gson-" + GsonImage.GSON_VERSION + "\\.jar")
                .doesNotContain("com.google.gson.Gson source: shared objects file")
                .contains(junit);
        assertThat(Files.readString(round.resolve("plain/child.args")))
                .contains("tests-plain.jsa")
                .contains("-XX:Tier4InvocationThreshold=50000");
        // the probe ran the class once, plainly, to record what both JVMs share; the test classes, which name Gson,
        // are not shared
        assertThat(Files.readString(work.resolve("probe/classlist.txt"))).contains("org/junit/jupiter/api/Test");
        assertThat(Files.readString(work.resolve("link/tests-plain.classlist")))
                .contains("org/junit/jupiter/engine/JupiterTestEngine")
                .doesNotContain("com/google/gson/")
                .doesNotContain("ImageSoundnessTests");
        assertThat(runs(SoundFixture.class).resolve("round-2")).doesNotExist();
        String json = Files.readString(work.resolve("report.json"));
        assertThat(json)
                .contains("\"SOUND\": 3, \"IMAGE_DIVERGENCE\": 0")
                .contains("\"class\": \"" + SoundFixture.class.getName() + "\", \"firstTest\": ");
        assertThat(Files.readString(work.resolve("report.html")))
                .contains("<h2>First test of each class, plain vs imaged</h2>")
                .contains("<td class=\"SOUND\">SOUND</td>");
    }

    @Test
    void aTestThatBehavesOtherwiseWithTheArchiveIsAnImageDivergenceShownSideBySide() {
        EngineExecutionResults results = run(DivergingFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results, "seesTheArchive"))
                .isInstanceOf(org.opentest4j.AssertionFailedError.class)
                .hasMessage(
                        "IMAGE_DIVERGENCE: the test gives another result with the package images, again on a"
                                + " second run in both modes:\nobserved 'archive': plain <tests-plain.jsa> | imaged <tests.jsa>");
        assertThat(runs(DivergingFixture.class).resolve("round-2/imaged/results.properties"))
                .isRegularFile();
    }

    @Test
    void aTestThatFailsPlainIsUnsoundOnItsOwnAndAborted() {
        EngineExecutionResults results = run(UnsoundFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).aborted(1));
        assertThat(failure(results, "failsOnItsOwn"))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessage("UNSOUND_TEST: it fails without the image too: FAILED"
                        + " org.opentest4j.AssertionFailedError: broken without any image");
    }

    @Test
    void aTestThatDiffersFromItselfIsFlakyNotADivergence() {
        EngineExecutionResults results = run(FlakyFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(1).aborted(1));
        assertThat(failure(results, "recordsTheClock"))
                .hasMessageStartingWith(
                        "FLAKY: its results differ between two runs in the same mode (plain): observed 'nanos': plain <");
    }

    @Test
    void onlyAnnotatedMethodsAreJudgedAndTheOthersRunInTheTestJvm() {
        MethodLevelFixture.ranHere = false;

        EngineExecutionResults results = run(MethodLevelFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(MethodLevelFixture.ranHere).isTrue();
        assertThat(runs(MethodLevelFixture.class).resolve("round-1/imaged/results.properties"))
                .isRegularFile();
    }

    @Test
    void worksAsAMetaAnnotation() {
        EngineExecutionResults results = run(MetaAnnotatedFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(runs(MetaAnnotatedFixture.class).resolve("round-1/imaged/results.properties"))
                .isRegularFile();
    }

    @Test
    void aCrashingChildFailsNamingTheTestWithItsCommandLineAndLastOutput() {
        EngineExecutionResults results = run(CrashingFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results, "exits"))
                .hasMessageStartingWith("The plain JVM running " + CrashingFixture.class.getName()
                        + " terminated without properly saying goodbye (exit code 7). Command was: "
                        + Jdks.current().javaExecutable())
                .hasMessageContaining(" \"io.pkgimage.junit.child.SoundnessChild\" ")
                .hasMessageEndingWith("Last output of the JVM:\n  leaving now");
    }

    @Test
    void aHangingChildIsStoppedAtTheTimeout() {
        EngineExecutionResults results = run(HangingFixture.class, Map.of(ImageSoundness.TIMEOUT, "6"));

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results, "hangs"))
                .hasMessageStartingWith("The plain JVM running " + HangingFixture.class.getName()
                        + " did not finish within 6 s and was stopped (pkgimage.soundness.timeout, in seconds)."
                        + " Command was: ")
                .hasMessageEndingWith("\n  sleeping");
    }

    @Test
    void anImageThatIsNotOfTheClassesUnderTestIsAnErrorNotAPass() {
        EngineExecutionResults results = run(NoPackageFixture.class, Map.of());

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results, "usesOnlyTheJdk"))
                .hasMessageStartingWith("IMAGE_NOT_IN_EFFECT: the imaged JVM running "
                        + NoPackageFixture.class.getName()
                        + " mapped the archive but loaded no class of the package images from it");
    }

    @Test
    void aCorruptImageIsAnErrorNamingTheFile() throws IOException {
        Path corrupt = Files.writeString(work.resolve("corrupt-pkgimage.jar"), "not a zip", StandardCharsets.UTF_8);

        EngineExecutionResults results = run(SoundFixture.class, Map.of(ImageSoundness.IMAGES, corrupt.toString()));

        results.testEvents().assertStatistics(s -> s.started(3).failed(3));
        assertThat(failure(results, "readsJson"))
                .hasMessageStartingWith("IMAGE_NOT_IN_EFFECT: the package images [" + corrupt
                        + "] could not be linked for the test class path: ")
                .hasMessageContaining(corrupt.toString());
    }

    /** A bad value of each configuration parameter: every test of the class fails, naming the parameter and value. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            pkgimage.soundness.images      | {work}/missing-pkgimage.jar | pkgimage.soundness.images names '{work}/missing-pkgimage.jar', which is not a file; build it with pkgimage:compile or correct the path
            pkgimage.soundness.jdk         | {work}/no-jdk               | pkgimage.soundness.jdk: JDK path '{work}/no-jdk' does not exist or is not a folder; give the home folder of a JDK 17+ (the one holding bin/java). Installed JDKs:
            pkgimage.soundness.timeout     | soon                        | pkgimage.soundness.timeout must be a positive number of seconds, not 'soon'
            pkgimage.soundness.concurrent  | yes                         | pkgimage.soundness.concurrent must be true or false, not 'yes'
            pkgimage.soundness.sharedInfrastructure | maybe              | pkgimage.soundness.sharedInfrastructure must be true or false, not 'maybe'
            pkgimage.soundness.childJvmOptions | -Xmx256m -Xshare:off    | pkgimage.soundness.childJvmOptions must be JVM options, other than those that the harness sets itself or keeps out of its JVMs (class-data sharing, logging, agents, debuggers), not '-Xshare:off'
            """)
    void aBadConfigurationValueFailsEveryTestNamingIt(String parameter, String value, String message) {
        EngineExecutionResults results =
                run(SoundFixture.class, Map.of(parameter, value.replace("{work}", work.toString())));

        results.testEvents().assertStatistics(s -> s.started(3).failed(3));
        String expected = "The soundness harness is misconfigured: " + message.replace("{work}", work.toString());
        if (expected.endsWith("Installed JDKs:")) {
            // the rest lists the JDKs installed on this machine
            assertThat(failure(results, "readsJson")).hasMessageStartingWith(expected);
        } else {
            assertThat(failure(results, "readsJson")).hasMessage(expected);
        }
    }

    @Test
    void oneAfterTheOtherWithNothingSharedAndTheFullJitGivesTheSameVerdicts() throws IOException {
        EngineExecutionResults results = run(
                UnsoundFixture.class,
                Map.of(
                        ImageSoundness.CONCURRENT,
                        "false",
                        ImageSoundness.SHARED_INFRASTRUCTURE,
                        "false",
                        ImageSoundness.CHILD_JVM_OPTIONS,
                        ""));

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).aborted(1));
        assertThat(failure(results, "failsOnItsOwn")).hasMessageStartingWith("UNSOUND_TEST: ");
        // the plain JVM ran with the JDK's own archive, the imaged one with the images alone
        Path round = runs(UnsoundFixture.class).resolve("round-1");
        assertThat(Files.readString(round.resolve("plain/child.args")))
                .doesNotContain("SharedArchiveFile")
                .doesNotContain("Tier4InvocationThreshold");
        assertThat(Files.readString(round.resolve("plain/class-load.log")))
                .containsPattern("org\\.junit\\.jupiter\\.engine\\.JupiterTestEngine source: file:.*\\.jar");
        assertThat(work.resolve("probe")).doesNotExist();
        assertThat(work.resolve("link/tests-plain.jsa")).doesNotExist();
    }

    // ---- running fixtures

    private EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(ImageSoundness.IMAGES, image.toString());
        all.put(ImageSoundness.WORK_DIRECTORY, work.toString());
        all.putAll(parameters);
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameters(all)
                .execute();
    }

    private Path runs(Class<?> fixture) {
        return work.resolve("runs").resolve(fixture.getName());
    }

    /** What the test whose method is {@code method} ended with. */
    private static Throwable failure(EngineExecutionResults results, String method) {
        return results.testEvents().finished().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method + "("))
                .map(Event::getPayload)
                .flatMap(Optional::stream)
                .map(p -> (TestExecutionResult) p)
                .flatMap(r -> r.getThrowable().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failed or aborted test " + method + " in "
                        + results.testEvents().list()));
    }

    // ---- fixtures: run only through the tests above (Surefire leaves nested classes out)

    @ImageSoundness
    static class SoundFixture {
        @Test
        void readsJson(Observations observations) {
            Map<?, ?> read = new Gson().fromJson("{\"a\":1,\"b\":[true,null]}", Map.class);
            observations.record("read", read);
            assertEquals(1.0, read.get("a"));
        }

        @Test
        void writesJson(Observations observations) {
            observations.record("written", new Gson().toJson(List.of(1, "two", 3.5)));
        }

        @Test
        void assumesNothing() {
            new Gson();
            assumeTrue(false, "never here");
        }
    }

    @ImageSoundness
    static class DivergingFixture {
        @Test
        void seesTheArchive(Observations observations) {
            new Gson().toJson(1);
            // the one difference the harness makes between the two JVMs: which archive they map
            observations.record(
                    "archive",
                    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                            .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
                            .map(a -> Path.of(a.substring(a.indexOf('=') + 1))
                                    .getFileName()
                                    .toString())
                            .findFirst()
                            .orElse("the JDK's"));
        }
    }

    @ImageSoundness
    static class UnsoundFixture {
        @Test
        void failsOnItsOwn() {
            new Gson();
            fail("broken without any image");
        }

        @Test
        void passes() {
            assertEquals("1", new Gson().toJson(1));
        }
    }

    @ImageSoundness
    static class FlakyFixture {
        @Test
        void recordsTheClock(Observations observations) {
            new Gson();
            observations.record("nanos", System.nanoTime());
        }
    }

    static class MethodLevelFixture {
        static volatile boolean ranHere;

        @ImageSoundness
        @Test
        void judged(Observations observations) {
            observations.record("json", new Gson().toJson(Map.of("k", 1)));
        }

        @Test
        void notJudged() {
            ranHere = true;
        }
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ImageSoundness
    @interface GsonSoundness {}

    @GsonSoundness
    static class MetaAnnotatedFixture {
        @Test
        void writes() {
            assertEquals("\"x\"", new Gson().toJson("x"));
        }
    }

    @ImageSoundness
    static class CrashingFixture {
        @Test
        void exits() {
            System.out.println("leaving now");
            System.out.flush();
            Runtime.getRuntime().halt(7);
        }
    }

    @ImageSoundness
    static class HangingFixture {
        @Test
        void hangs() throws InterruptedException {
            System.out.println("sleeping");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    @ImageSoundness
    static class NoPackageFixture {
        @Test
        void usesOnlyTheJdk() {
            assertEquals(3, "abc".length());
        }
    }
}
