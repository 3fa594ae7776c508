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
    void aSmallSuiteRunsInOnePairOfJvms() {
        List<BatchPlan.Batch> batches = BatchPlan.plan(units(35, 25), Map.of(), 1);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).units()).hasSize(35);
    }

    @Test
    void aLargeSuiteGetsSeveralBatchesPerSlotInItsOrderByMeasuredDurations() {
        List<BatchPlan.Unit> units = units(200, 10);
        Map<String, Long> durations = new java.util.HashMap<>();
        units.forEach(u -> durations.put(u.name(), 1_000L)); // 200 s in all

        List<BatchPlan.Batch> one = BatchPlan.plan(units, durations, 1);
        List<BatchPlan.Batch> two = BatchPlan.plan(units, durations, 2);

        assertThat(one).hasSize(4).allSatisfy(b -> assertThat(b.units()).hasSize(50));
        assertThat(two).hasSize(8).allSatisfy(b -> assertThat(b.units()).hasSize(25));
        assertThat(one.stream().flatMap(b -> b.units().stream())).containsExactlyElementsOf(units);
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
