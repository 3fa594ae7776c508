package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurationsTests {
    @TempDir
    Path dir;

    @Test
    void aClassTakesTheLongerOfItsTwoRunsOverTheLastRunsAndTheOthersAreKept() {
        // GIVEN the durations of a last run
        Path file = dir.resolve("durations.properties");
        BatchPlan.writeDurations(file, Map.of("a.Slow", 100L, "a.Gone", 7L));
        Durations durations = Durations.read(file);
        assertThat(durations.known()).containsExactlyInAnyOrderEntriesOf(Map.of("a.Slow", 100L, "a.Gone", 7L));

        // WHEN this run measures a.Slow (3 ms plain, 5.5 ms imaged), and a class that did not finish in either JVM
        durations.measured("a.Slow", "c", log("c", 3_000), log("c", 5_500));
        durations.measured("a.Crashed", "x", log("c", 3_000), log("c", 3_000));
        durations.write();

        // THEN
        assertThat(BatchPlan.readDurations(file))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a.Slow", 5L, "a.Gone", 7L));
        assertThat(durations.known()).containsEntry("a.Slow", 100L);
    }

    @Test
    void withoutALastRunNothingIsKnown() {
        assertThat(Durations.read(dir.resolve("none.properties")).known()).isEmpty();
    }

    private static RunLog log(String id, long micros) {
        Map<String, RunLog.Node> nodes = new LinkedHashMap<>();
        nodes.put(
                id,
                new RunLog.Node(
                        id,
                        "e",
                        "CONTAINER",
                        id,
                        id,
                        "",
                        Optional.of(new TestRecord("SUCCESSFUL", "", "", new TreeMap<>(), micros))));
        return new RunLog(nodes, true, Optional.empty());
    }
}
