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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The soundness engine run through the JUnit Platform on the fixture classes below, which it takes over from the
 * Jupiter and Vintage engines and judges in real child JVMs against a real image of Gson ({@link GsonImage}).
 */
class ImageSoundnessTests {
    private static Path image;

    @TempDir
    Path work;

    @BeforeAll
    static void trainAnImageOfGson() {
        image = GsonImage.path();
        assertThat(image).isRegularFile();
    }

    @Test
    void aTestWithTheSameResultPlainAndImagedIsSoundAndTheImagedJvmLoadedThePackageFromTheArchive() throws IOException {
        EngineExecutionResults results = run(
                Map.of(
                        ImageSoundness.SHARED_INFRASTRUCTURE,
                        "true",
                        ImageSoundness.CHILD_JVM_OPTIONS,
                        "-XX:Tier4InvocationThreshold=50000"),
                SoundFixture.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).aborted(1));
        assertThat(failure(results, "assumesNothing"))
                .hasMessage("SOUND: ABORTED org.opentest4j.TestAbortedException: Assumption failed: never here,"
                        + " plain and imaged alike");
        // the children ran the class for real: Gson and JUnit (the shared test infrastructure) from the archive imaged;
        // plain, as Surefire's JVM does, both from their jars and the test classes from their folder
        Path batch = work.resolve("runs/batch-1");
        assertThat(Files.readString(batch.resolve("imaged/class-load.log")))
                .contains("com.google.gson.Gson source: shared objects file")
                .contains("org.junit.jupiter.engine.JupiterTestEngine source: shared objects file")
                .containsPattern(
                        "io\\.pkgimage\\.junit\\.ImageSoundnessTests\\$SoundFixture source: file:.*/test-classes/");
        assertThat(Files.readString(batch.resolve("plain/class-load.log")))
                .containsPattern("com\\.google\\.gson\\.Gson source: .*gson-" + GsonImage.GSON_VERSION + "\\.jar")
                .containsPattern("org\\.junit\\.jupiter\\.engine\\.JupiterTestEngine source: .*\\.jar")
                .containsPattern(
                        "io\\.pkgimage\\.junit\\.ImageSoundnessTests\\$SoundFixture source: file:.*/test-classes/")
                .doesNotContain("com.google.gson.Gson source: shared objects file")
                .doesNotContain("org.junit.jupiter.engine.JupiterTestEngine source: shared objects file");
        // the plain JVM maps no archive of pkgimage's; the imaged one's was dumped with exactly the children's options
        assertThat(Files.readString(batch.resolve("plain/child.args")))
                .doesNotContain("SharedArchiveFile")
                .contains("-XX:Tier4InvocationThreshold=50000");
        assertThat(Files.readString(work.resolve("link/soundness-imaged-link.txt")))
                .contains("-XX:Tier4InvocationThreshold=50000");
        // the probe ran the class once, plainly, to record the shared infrastructure; the test classes, which refer to
        // Gson, are not shared
        assertThat(Files.readString(work.resolve("probe/classlist.txt"))).contains("org/junit/jupiter/api/Test");
        assertThat(Files.readString(work.resolve("link/soundness-imaged.classlist")))
                .contains("org/junit/jupiter/engine/JupiterTestEngine")
                .doesNotContain("ImageSoundnessTests");
        assertThat(work.resolve("runs/alone-1")).doesNotExist();
        assertThat(Files.readString(work.resolve("report.json")))
                .contains("\"SOUND\": 3, \"IMAGE_DIVERGENCE\": 0")
                .contains("\"class\": \"" + SoundFixture.class.getName() + "\", \"firstTest\": ")
                .contains("\"batches\": [\n    {\"batch\": 1, \"classes\": 1, ");
        assertThat(Files.readString(work.resolve("report.html")))
                .contains("<h2>First test of each class, plain vs imaged</h2>")
                .contains("<td class=\"SOUND\">SOUND</td>");
        assertThat(Files.readString(work.resolve("durations.properties"))).contains(SoundFixture.class.getName());
    }

    @Test
    void aDivergenceInTheMiddleOfABatchIsAttributedToItsTestAfterARunAlone() {
        EngineExecutionResults results =
                run(Map.of(), SoundFixture.class, DivergingFixture.class, UnsoundFixture.class);

        results.testEvents()
                .assertStatistics(s -> s.started(6).succeeded(3).aborted(1).failed(2));
        assertThat(failure(results, "seesTheArchive"))
                .isInstanceOf(org.opentest4j.AssertionFailedError.class)
                .hasMessage("IMAGE_DIVERGENCE: the test gives another result with the package images, again alone in"
                        + " a fresh pair of JVMs:\nobserved 'archive': plain <the JDK's> | imaged"
                        + " <soundness-imaged.jsa>\n(the same alone in a fresh pair of JVMs)");
        // one batch for the three classes, and one pair for the diverging test alone
        assertThat(work.resolve("runs/batch-2")).doesNotExist();
        assertThat(Files.exists(work.resolve("runs/alone-1/imaged/run.log"))).isTrue();
        assertThat(work.resolve("runs/alone-2")).doesNotExist();
    }

    @Test
    void manyDifferingTestsOfOneClassRunAgainTogetherInOnePair() throws IOException {
        EngineExecutionResults results = run(Map.of(), ManyDivergingFixture.class);

        results.testEvents().assertStatistics(s -> s.started(6).failed(6));
        assertThat(failure(results, "[3]"))
                .hasMessageEndingWith("imaged <soundness-imaged.jsa>\n(the same alone in a fresh pair of JVMs)");
        assertThat(Files.readString(work.resolve("runs/alone-1/plain/child.properties")))
                .contains("selector.5=[engine\\:junit-jupiter]/[class\\:" + ManyDivergingFixture.class.getName()
                        + "]/[test-template\\:seesTheArchive(int, io.pkgimage.junit.Observations)]/"
                        + "[test-template-invocation\\:\\#6]");
        assertThat(work.resolve("runs/alone-2")).doesNotExist();
    }

    @Test
    void aTestThatFailsPlainFailsAsItWouldWithoutTheHarness() {
        EngineExecutionResults results = run(Map.of(), UnsoundFixture.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Throwable failure = failure(results, "failsOnItsOwn");
        assertThat(failure)
                .isInstanceOf(org.opentest4j.AssertionFailedError.class)
                .hasMessage("UNSOUND_TEST: it fails without the image too: org.opentest4j.AssertionFailedError: broken"
                        + " without any image");
        // with the child's stack, so that the failure can be found
        assertThat(failure.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(UnsoundFixture.class.getName())
                        && f.getMethodName().equals("failsOnItsOwn"));
    }

    @Test
    void aTestWhoseResultDependsOnTheClassBeforeItIsOrderDependentNotADivergence() {
        EngineExecutionResults results = run(
                Map.of("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName"),
                OrderBFixture.class,
                OrderAFixture.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).aborted(1));
        assertThat(failure(results, "readsWhatTheClassBeforeLeft"))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessage("ORDER_DEPENDENT: alone in a fresh pair of JVMs it gives the same result plain and imaged"
                        + " (SUCCESSFUL), but not after the tests before it in its batch: observed 'left': plain"
                        + " <the JDK's> | imaged <soundness-imaged.jsa>");
    }

    @Test
    void aTestThatDiffersFromItselfIsFlakyNotADivergence() {
        EngineExecutionResults results = run(Map.of(), FlakyFixture.class);

        results.testEvents().assertStatistics(s -> s.started(1).aborted(1));
        assertThat(failure(results, "recordsTheClock"))
                .hasMessageStartingWith("FLAKY: its results differ from run to run: in its batch observed 'nanos':");
    }

    @Test
    void testsThatRunInParallelInTheChildrenAreAllRecordedAndJudged() throws IOException {
        EngineExecutionResults results = run(
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent"),
                ParallelFixture.class);

        results.testEvents().assertStatistics(s -> s.started(24).succeeded(24));
        String log = Files.readString(work.resolve("runs/batch-1/imaged/run.log"));
        for (int i = 0; i < 24; i++) {
            assertThat(log).contains("\tjson\t[" + i + "]");
        }
    }

    @Test
    void onlyTheAnnotatedMethodIsJudged() {
        EngineExecutionResults results = run(Map.of(), MethodLevelFixture.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(results.testEvents().started().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("judged(Observations)");
    }

    @Test
    void worksAsAMetaAnnotation() {
        EngineExecutionResults results = run(Map.of(), MetaAnnotatedFixture.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void everyTestOfEveryEngineIsJudgedWithOneParameterJUnit4TestsToo() throws IOException {
        EngineExecutionResults results =
                run(Map.of(ImageSoundness.ALL, "true"), JUnit4Fixture.class, UnannotatedFixture.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        assertThat(failure(results, "failsOnItsOwn"))
                .hasMessage("UNSOUND_TEST: it fails without the image too: java.lang.AssertionError: JUnit 4 says no");
        // reported as the originals, under the soundness engine
        assertThat(results.testEvents().started().stream()
                        .map(e -> e.getTestDescriptor().getUniqueId().toString()))
                .contains("[engine:pkgimage-soundness]/[delegate:junit-vintage]/[runner:"
                        + JUnit4Fixture.class.getName() + "]/[test:readsJson(" + JUnit4Fixture.class.getName() + ")]");
        assertThat(Files.readString(work.resolve("runs/batch-1/imaged/class-load.log")))
                .contains("com.google.gson.Gson source: shared objects file");
    }

    @Test
    void aCrashInsideABatchNamesTheClassAndTestAndTheClassesAfterItRunAgain() {
        EngineExecutionResults results = run(
                Map.of("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName"),
                OrderBFixture.class,
                CrashingFixture.class,
                SoundFixture.class);

        results.testEvents()
                .assertStatistics(s -> s.started(5).succeeded(3).aborted(1).failed(1));
        assertThat(failure(results, "exits"))
                .hasMessageStartingWith(
                        "MISSING: The plain JVM terminated without properly saying goodbye (exit code 7)"
                                + " while running " + CrashingFixture.class.getName()
                                + ", test exits() (in a batch of 3 test"
                                + " classes). Command was: " + Jdks.current().javaExecutable())
                .hasMessageContaining(" \"io.pkgimage.junit.child.SoundnessChild\" ")
                .hasMessageContaining("Last output of the JVM:\n  leaving now\n")
                .hasMessageContaining("The imaged JVM terminated without properly saying goodbye (exit code 7) while"
                        + " running " + CrashingFixture.class.getName() + ", test exits()");
        // the classes after it (by name) ran again in a batch of their own
        assertThat(work.resolve("runs/batch-2/plain/child.properties"))
                .content()
                .contains(OrderBFixture.class.getName(), SoundFixture.class.getName())
                .doesNotContain(CrashingFixture.class.getName());
    }

    @Test
    void aHangingClassIsStoppedAtItsTimeoutNamingTheTest() {
        EngineExecutionResults results = run(Map.of(ImageSoundness.TIMEOUT, "6"), HangingFixture.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results, "hangs"))
                .hasMessageStartingWith("MISSING: The plain JVM did not finish within 6 s and was stopped"
                        + " (pkgimage.soundness.timeout, seconds per test class) while running "
                        + HangingFixture.class.getName() + ", test hangs(). Command was: ")
                .hasMessageContaining("\n  sleeping\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"annotation", "parameter"})
    void isolatedClassesGetAPairOfTheirOwn(String how) throws IOException {
        Map<String, String> parameters =
                how.equals("parameter") ? Map.of(ImageSoundness.ISOLATED, "io.pkgimage.junit.*$Meta*") : Map.of();
        Class<?> isolated = how.equals("parameter") ? MetaAnnotatedFixture.class : IsolatedFixture.class;

        EngineExecutionResults results = run(parameters, SoundFixture.class, isolated, UnsoundFixture.class);

        results.testEvents().assertStatistics(s -> s.started(6).failed(1));
        List<String> batches = List.of("batch-1", "batch-2").stream()
                .map(b -> read(work.resolve("runs").resolve(b).resolve("plain/child.properties")))
                .collect(Collectors.toList());
        assertThat(batches)
                .anySatisfy(b -> assertThat(b).contains(isolated.getName()).doesNotContain("SoundFixture"))
                .anySatisfy(b ->
                        assertThat(b).contains("SoundFixture", "UnsoundFixture").doesNotContain(isolated.getName()));
        assertThat(work.resolve("runs/batch-3")).doesNotExist();
    }

    @Test
    void anImageThatIsNotOfTheClassesUnderTestIsAnErrorNotAPass() {
        EngineExecutionResults results = run(Map.of(), NoPackageFixture.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results, "usesOnlyTheJdk"))
                .hasMessageStartingWith("IMAGE_NOT_IN_EFFECT: the imaged JVM running "
                        + NoPackageFixture.class.getName()
                        + " mapped the archive but loaded no class of the package images from it");
    }

    @Test
    void aCorruptImageIsAnErrorNamingTheFileWithItsCause() throws IOException {
        Path corrupt = Files.writeString(work.resolve("corrupt-pkgimage.jar"), "not a zip", StandardCharsets.UTF_8);

        EngineExecutionResults results = run(Map.of(ImageSoundness.IMAGES, corrupt.toString()), SoundFixture.class);

        results.testEvents().assertStatistics(s -> s.started(3).failed(3));
        assertThat(failure(results, "readsJson"))
                .hasMessageStartingWith("IMAGE_NOT_IN_EFFECT: the package images [" + corrupt
                        + "] could not be linked for the test class path: ")
                .hasMessageContaining(corrupt.toString())
                .cause()
                .isNotNull();
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
            pkgimage.soundness.isolated    | a.B;rm                      | pkgimage.soundness.isolated must be class names separated by commas, '*' standing for any characters, not 'a.B;rm'
            pkgimage.soundness.sharedInfrastructure | maybe              | pkgimage.soundness.sharedInfrastructure must be true or false, not 'maybe'
            pkgimage.soundness.childJvmOptions | -Xmx256m -Xshare:off    | pkgimage.soundness.childJvmOptions must be JVM options, other than those that the harness sets itself or keeps out of its JVMs (class-data sharing, logging, agents, debuggers), not '-Xshare:off'
            """)
    void aBadConfigurationValueFailsEveryTestNamingIt(String parameter, String value, String message) {
        EngineExecutionResults results =
                run(Map.of(parameter, value.replace("{work}", work.toString())), SoundFixture.class);

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
    void aCacheDirectoryThatIsAFileFailsEveryTestNamingIt() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x", StandardCharsets.UTF_8);

        EngineExecutionResults results =
                run(Map.of(ImageSoundness.CACHE_DIRECTORY, file.toString()), SoundFixture.class);

        results.testEvents().assertStatistics(s -> s.started(3).failed(3));
        assertThat(failure(results, "readsJson"))
                .hasMessage("The soundness harness is misconfigured: pkgimage.soundness.cacheDirectory names '" + file
                        + "', which is a file, not a folder; name a folder (it is made if missing) or leave it unset"
                        + " for ~/.cache/pkgimage/archives");
    }

    @Test
    void oneAfterTheOtherWithNothingSharedAndTheFullJitGivesTheSameVerdicts() throws IOException {
        EngineExecutionResults results = run(
                Map.of(ImageSoundness.CONCURRENT, "false", ImageSoundness.CHILD_JVM_OPTIONS, ""), UnsoundFixture.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertThat(failure(results, "failsOnItsOwn")).hasMessageStartingWith("UNSOUND_TEST: ");
        // the plain JVM ran with the JDK's own archive, the imaged one with the images alone
        Path batch = work.resolve("runs/batch-1");
        assertThat(Files.readString(batch.resolve("plain/child.args")))
                .doesNotContain("SharedArchiveFile")
                .doesNotContain("Tier4InvocationThreshold");
        assertThat(Files.readString(batch.resolve("plain/class-load.log")))
                .containsPattern("org\\.junit\\.jupiter\\.engine\\.JupiterTestEngine source: file:.*\\.jar");
        assertThat(work.resolve("probe")).doesNotExist();
        assertThat(work.resolve("link/soundness-plain.jsa")).doesNotExist();
    }

    @Test
    void withTheHarnessOffNothingIsTakenOver() {
        EngineExecutionResults results = EngineTestKit.engine(SoundnessEngine.ID)
                .selectors(selectClass(UnannotatedFixture.class))
                .configurationParameters(Map.of(ImageSoundness.IMAGES, image.toString()))
                .execute();

        results.allEvents().assertStatistics(s -> s.started(1).finished(1)); // the engine alone
        assertThat(work.resolve("runs")).doesNotExist();
    }

    // ---- running fixtures

    private EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(ImageSoundness.IMAGES, image.toString());
        all.put(ImageSoundness.WORK_DIRECTORY, work.toString());
        all.putAll(parameters);
        return EngineTestKit.engine(SoundnessEngine.ID)
                .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(ClassSelector[]::new))
                .configurationParameters(all)
                .execute();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the test whose display name starts with {@code method} ended with. */
    private static Throwable failure(EngineExecutionResults results, String method) {
        return results.testEvents().finished().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method))
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

    /** The one difference the harness makes between the two JVMs: which archive they map. */
    static String archive() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
                .map(a -> Path.of(a.substring(a.indexOf('=') + 1)).getFileName().toString())
                .findFirst()
                .orElse("the JDK's");
    }

    @ImageSoundness
    static class DivergingFixture {
        @Test
        void seesTheArchive(Observations observations) {
            new Gson().toJson(1);
            observations.record("archive", archive());
        }
    }

    @ImageSoundness
    static class ManyDivergingFixture {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5, 6})
        void seesTheArchive(int i, Observations observations) {
            new Gson().toJson(i);
            observations.record("archive", archive());
        }
    }

    /** Leaves which archive its JVM maps for the class after it. */
    @ImageSoundness
    static class OrderAFixture {
        @Test
        void leavesSomethingBehind() {
            new Gson().toJson(1);
            System.setProperty("pkgimage.fixture.left", archive());
        }
    }

    @ImageSoundness
    static class OrderBFixture {
        @Test
        void readsWhatTheClassBeforeLeft(Observations observations) {
            new Gson().toJson(2);
            observations.record("left", System.getProperty("pkgimage.fixture.left", "nothing"));
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

    @ImageSoundness
    static class ParallelFixture {
        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
        void writes(int i, Observations observations) throws InterruptedException {
            Thread.sleep(5);
            observations.record("json", new Gson().toJson(List.of(i)));
            observations.record("thread", "any");
        }
    }

    static class MethodLevelFixture {
        @ImageSoundness
        @Test
        void judged(Observations observations) {
            observations.record("json", new Gson().toJson(Map.of("k", 1)));
        }

        @Test
        void notJudged() {}
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

    @ImageSoundness(isolated = true)
    static class IsolatedFixture {
        @Test
        void writes() {
            assertEquals("[1]", new Gson().toJson(List.of(1)));
        }
    }

    static class UnannotatedFixture {
        @Test
        void writes() {
            assertEquals("2", new Gson().toJson(2));
        }
    }

    public static class JUnit4Fixture {
        @org.junit.Test
        public void readsJson() {
            org.junit.Assert.assertEquals(
                    1.0, new Gson().fromJson("{\"a\":1}", Map.class).get("a"));
        }

        @org.junit.Test
        public void failsOnItsOwn() {
            new Gson();
            org.junit.Assert.fail("JUnit 4 says no");
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
