package io.pkgimage.junit.plan;

import io.pkgimage.core.soundness.BatchPlan;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The test classes of a run split into batches by core's {@link BatchPlan}: as many as pairs of JVMs run at once,
 * balanced by the durations of the last run, and a batch of its own for each class that asked for isolation (by
 * {@code @ImageSoundness(isolated = true)} or by the settings).
 */
public final class Batches {
    private Batches() {}

    /** The batches of {@code units}, each in the run's order, by the {@code durations} of the last run. */
    public static List<List<MirrorDescriptor>> of(
            List<MirrorDescriptor> units, SoundnessSettings settings, Map<String, Long> durations) {
        Map<String, MirrorDescriptor> byId = new HashMap<>();
        List<BatchPlan.Unit> plan = new ArrayList<>();
        for (MirrorDescriptor u : units) {
            byId.put(u.original().toString(), u);
            plan.add(new BatchPlan.Unit(
                    u.original().toString(),
                    u.className(),
                    u.testCount(),
                    u.isolated() || settings.isolated(u.className())));
        }
        return BatchPlan.plan(plan, durations, settings.slots()).stream()
                .map(b -> b.units().stream().map(u -> byId.get(u.id())).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }
}
