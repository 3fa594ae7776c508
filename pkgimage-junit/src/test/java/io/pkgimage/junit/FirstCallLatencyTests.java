package io.pkgimage.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** {@link FirstCallLatency} through the JUnit Platform, with real JMH forks and the image of Gson. */
class FirstCallLatencyTests {
    private static final String BENCHMARK = "io.pkgimage.junit.GsonFirstCall.readAndWrite";

    @TempDir
    Path work;

    private static Path image;

    @BeforeAll
    static void trainAnImageOfGson() {
        image = GsonImage.path();
    }

    @Test
    void aRatioUnderTheThresholdPassesAndEveryForkIsKept() throws Exception {
        EngineExecutionResults results = run(Generous.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        String entry = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                        .orElseThrow()
                        .getKeyValuePairs()
                        .get("pkgimage.firstCallLatency"))
                .findFirst()
                .orElseThrow();
        assertThat(entry)
                .startsWith("first call of " + BENCHMARK + ": imaged/plain ")
                .contains("threshold 20.00")
                .contains("2 fresh JVMs each, interleaved");
        // JMH's own result files, one per fork and configuration
        Path results1 = work.resolve("latency").resolve(BENCHMARK);
        assertThat(results1.resolve("GsonFirstCall.readAndWrite-plain-1.json")).isRegularFile();
        assertThat(results1.resolve("GsonFirstCall.readAndWrite-pkgimage-2.json"))
                .isRegularFile();
        // the imaged forks ran with -Xshare:on and the linked archive
        assertThat(Files.readString(results1.resolve("GsonFirstCall.readAndWrite-pkgimage-1.json")))
                .contains("-Xshare:on")
                .contains("-XX:SharedArchiveFile=");
    }

    @Test
    void aRatioAboveTheThresholdFailsWithTheRatioItsSpreadAndTheThreshold() {
        EngineExecutionResults results = run(Strict.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results))
                .hasMessageStartingWith("Expecting the imaged/plain first-call latency to be at most 0.01 but was ")
                .hasMessageContaining("(per fork p25..p75 ")
                .hasMessageContaining("threshold 0.01")
                .hasMessageContaining("2 fresh JVMs each, interleaved (a second batch confirmed the first, above the"
                        + " threshold)");
        // the confirmation's own JMH files
        assertThat(work.resolve("latency")
                        .resolve(BENCHMARK)
                        .resolve("confirmation")
                        .resolve("GsonFirstCall.readAndWrite-pkgimage-1.json"))
                .isRegularFile();
    }

    @Test
    void anUnknownBenchmarkIsNamedInTheFailure() {
        EngineExecutionResults results = run(Unknown.class);

        assertThat(failure(results))
                .hasMessageStartingWith("The JMH fork of com.acme.NoSuch.benchmark [plain] failed: ");
    }

    @Test
    void aBadAnnotationIsAConfigurationError() {
        EngineExecutionResults results = run(NoForks.class);

        assertThat(failure(results))
                .hasMessageEndingWith("needs a benchmark name, maxRatio > 0 and forks >= 1, not benchmark='" + BENCHMARK
                        + "', maxRatio=0.5, forks=0");
    }

    private EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameters(Map.of(
                        ImageSoundness.IMAGES, image.toString(),
                        ImageSoundness.WORK_DIRECTORY, work.toString()))
                .execute();
    }

    private static Throwable failure(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .map(Event::getPayload)
                .flatMap(Optional::stream)
                .map(p -> (TestExecutionResult) p)
                .flatMap(r -> r.getThrowable().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no failed test in " + results.testEvents().list()));
    }

    // ---- fixtures

    static class Generous {
        @FirstCallLatency(benchmark = BENCHMARK, maxRatio = 20, forks = 2)
        void gsonStartsWarm() {}
    }

    static class Strict {
        @FirstCallLatency(benchmark = BENCHMARK, maxRatio = 0.01, forks = 1)
        void gsonStartsImpossiblyWarm() {}
    }

    static class Unknown {
        @FirstCallLatency(benchmark = "com.acme.NoSuch.benchmark", forks = 1)
        void unknown() {}
    }

    static class NoForks {
        @FirstCallLatency(benchmark = BENCHMARK, forks = 0)
        void noForks() {}
    }
}
