package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPlanTests {
    @TempDir
    Path dir;

    private static List<BatchPlan.Unit> units(int n, int tests) {
        List<BatchPlan.Unit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(new BatchPlan.Unit("[class:C" + i + "]", "C" + i, tests, false));
        }
        return units;
    }

    @Test
    void withOnePairOfJvmsAtATimeTheSuiteRunsInOnePairAsInOneTestJvm() {
        List<BatchPlan.Batch> batches = BatchPlan.plan(units(215, 50), Map.of(), 1);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).units()).hasSize(215);
    }

    @Test
    void withSeveralPairsAtATimeTheSuiteIsSplitInItsOrderIntoRunsOfAboutEqualMeasuredDurations() {
        List<BatchPlan.Unit> units = units(8, 10);
        Map<String, Long> durations = new java.util.HashMap<>();
        for (int i = 0; i < 8; i++) {
            durations.put("C" + i, i == 1 ? 6_000L : 1_000L); // 13 s in all, C1 the heavy one
        }

        List<BatchPlan.Batch> batches = BatchPlan.plan(units, durations, 2);

        assertThat(batches).extracting(b -> b.units().size()).containsExactly(2, 6); // 7 s, 6 s
        assertThat(batches.stream().flatMap(b -> b.units().stream())).containsExactlyElementsOf(units);
        assertThat(BatchPlan.plan(units(3, 1), Map.of(), 8)).hasSize(3); // never more batches than classes
    }

    @Test
    void anIsolatedClassGetsAPairOfItsOwn() {
        List<BatchPlan.Unit> units = new ArrayList<>(units(4, 1));
        units.add(2, new BatchPlan.Unit("[class:Alone]", "Alone", 1, true));

        List<BatchPlan.Batch> batches = BatchPlan.plan(units, Map.of(), 1);

        assertThat(batches).extracting(b -> b.units().size()).containsExactly(1, 4);
        assertThat(batches.get(0).isolated()).isTrue();
        assertThat(batches.get(0).units().get(0).name()).isEqualTo("Alone");
    }

    @Test
    void durationsRoundTripAndABrokenFileOnlyLosesItsBadLines() throws Exception {
        Path file = dir.resolve("durations.properties");
        assertThat(BatchPlan.readDurations(file)).isEmpty();

        BatchPlan.writeDurations(file, Map.of("a.B", 12L, "a.B$C", 3L));
        Files.writeString(file, Files.readString(file) + "x.Y=soon\n");

        assertThat(BatchPlan.readDurations(file)).containsExactlyInAnyOrderEntriesOf(Map.of("a.B", 12L, "a.B$C", 3L));
    }
}
