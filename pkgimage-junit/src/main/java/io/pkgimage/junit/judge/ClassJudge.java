package io.pkgimage.junit.judge;

import io.pkgimage.core.soundness.ClassJudgement;
import io.pkgimage.core.soundness.PairLogs;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.plan.ChildConfigs;
import io.pkgimage.junit.run.PairRuns;
import io.pkgimage.junit.run.SoundnessArchives;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Judges the test classes of a run ({@link ClassJudgement}), each by the logs of the pair that ran it, running each
 * test that differs again alone in a fresh pair ({@code runs/alone-<n>}), or its whole class where its engine cannot
 * select it alone.
 */
public final class ClassJudge {
    private final SoundnessArchives archives;
    private final ChildConfigs configs;
    private final AtomicInteger reruns = new AtomicInteger();

    /** A judge that runs tests again with {@code archives}, as {@code configs} says. */
    public ClassJudge(SoundnessArchives archives, ChildConfigs configs) {
        this.archives = archives;
        this.configs = configs;
    }

    /**
     * The verdicts on the tests of {@code unit}: those it declares and those its JVMs ran, by {@code logs}; after a
     * {@code crash} of a JVM while it ran the class, those it did not finish are missing for that reason.
     */
    public ClassJudgement judge(MirrorDescriptor unit, PairLogs logs, Optional<String> crash) {
        String id = unit.original().toString();
        Set<String> tests = new LinkedHashSet<>(unit.tests());
        tests.addAll(logs.testsBelow(id));
        ClassJudgement judgement = ClassJudgement.of(tests, logs.plain(), logs.imaged(), crash);
        while (!judgement.reruns().isEmpty()) {
            List<String> again = judgement.reruns().get(0);
            PairRuns.Pair pair = alone(again, id);
            if (again.stream().noneMatch(pair::ran)) {
                // an engine that cannot select them (dynamic tests): their class alone
                pair = alone(List.of(id), id);
            }
            judgement = judgement.afterRerun(
                    again, pair.plain().log(), pair.imaged().log());
        }
        return judgement;
    }

    /** Runs {@code selectors} of the class {@code unit} in a fresh pair of JVMs. */
    private PairRuns.Pair alone(List<String> selectors, String unit) {
        Path dir = archives.settings().workDirectory().resolve("runs").resolve("alone-" + reruns.incrementAndGet());
        return PairRuns.run(archives, configs.alone(selectors, unit), dir);
    }
}
