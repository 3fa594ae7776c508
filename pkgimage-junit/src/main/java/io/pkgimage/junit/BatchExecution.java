package io.pkgimage.junit;

import io.pkgimage.core.soundness.ClassJudgement;
import io.pkgimage.core.soundness.Durations;
import io.pkgimage.core.soundness.PairLogs;
import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.junit.judge.ClassJudge;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.plan.ChildConfigs;
import io.pkgimage.junit.report.LauncherReport;
import io.pkgimage.junit.report.RunProgress;
import io.pkgimage.junit.report.SoundnessReport;
import io.pkgimage.junit.run.Crashes;
import io.pkgimage.junit.run.PairRuns;
import io.pkgimage.junit.run.Proof;
import io.pkgimage.junit.run.RunningPair;
import io.pkgimage.junit.run.SoundnessArchives;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The batches of one soundness run, each in a pair of JVMs ({@code runs/batch-<n>}): every class judged and reported
 * as soon as both JVMs finished it, a class that a JVM ended early in reported with the crash, and the classes that the
 * crashed JVM did not get to run again in a batch of their own.
 */
final class BatchExecution {
    /**
     * How often a running batch's logs are read for classes that both its JVMs finished. Reporting a class to the
     * launcher costs about a millisecond a test in Surefire's JVM (commons-cli: 1.0 s for 797 tests), time that a
     * class reported while the JVMs still run does not add at their end; reading what the logs gained since is cheap.
     */
    private static final long POLL_MILLIS = 250;

    private final SoundnessArchives archives;
    private final ChildConfigs configs;
    private final ClassJudge judge;
    private final LauncherReport launcher;
    private final SoundnessReport report;
    private final RunProgress progress;
    private final Durations durations;
    private final AtomicInteger batches = new AtomicInteger();

    BatchExecution(
            SoundnessArchives archives,
            ChildConfigs configs,
            ClassJudge judge,
            LauncherReport launcher,
            SoundnessReport report,
            RunProgress progress,
            Durations durations) {
        this.archives = archives;
        this.configs = configs;
        this.judge = judge;
        this.launcher = launcher;
        this.report = report;
        this.progress = progress;
        this.durations = durations;
    }

    /** Runs {@code batch} in a fresh pair of JVMs and reports each of its classes. */
    void run(List<MirrorDescriptor> batch) {
        int number = batches.incrementAndGet();
        Path dir = archives.settings().workDirectory().resolve("runs").resolve("batch-" + number);
        RunningPair running = RunningPair.start(archives, configs.batch(batch), dir);
        // each class is judged and reported as soon as both JVMs finished it, while the batch runs on
        Set<MirrorDescriptor> reported = new HashSet<>();
        PairRuns.Pair pair;
        try {
            Optional<PairRuns.Pair> ended;
            while ((ended = running.await(POLL_MILLIS)).isEmpty()) {
                reportFinished(running, batch, number, reported);
            }
            pair = ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel();
            return;
        } catch (ExecutionException e) {
            AssertionFailedError failure = e.getCause() instanceof AssertionFailedError f
                    ? f // no archive to run them with
                    : new AssertionFailedError(
                            "Cannot run the child JVMs of soundness batch " + number + ": " + e.getCause(),
                            e.getCause());
            batch.stream().filter(u -> !reported.contains(u)).forEach(u -> launcher.failAll(u, failure));
            progress.batchDone(number, batch.size() - reported.size());
            return;
        }
        List<MirrorDescriptor> units =
                batch.stream().filter(u -> !reported.contains(u)).collect(Collectors.toList());
        report.addBatch(number, batch.size(), pair);
        Optional<AssertionFailedError> notInEffect = Proof.failure(pair, batch);
        boolean ended = pair.plain().ended() && pair.imaged().ended();
        PairLogs logs = PairLogs.of(pair.plain().log(), pair.imaged().log());
        List<MirrorDescriptor> requeued = new ArrayList<>();
        int done = 0;
        for (MirrorDescriptor unit : units) {
            String id = unit.original().toString();
            if (ended
                    || (pair.plain().log().result(id).isPresent()
                            && pair.imaged().log().result(id).isPresent())) {
                // the proof holds for what ran to its end; a JVM that crashed is reported as such below
                if (notInEffect.isPresent()) {
                    launcher.failAll(unit, notInEffect.get());
                } else {
                    judgeAndReport(unit, logs, number, Optional.empty());
                }
                done++;
            } else {
                Optional<String> crash = Crashes.crash(archives.settings(), unit, pair, batch.size());
                if (crash.isPresent()) {
                    judgeAndReport(unit, logs, number, crash);
                    done++;
                } else {
                    requeued.add(unit);
                }
            }
        }
        progress.batchDone(number, done);
        if (requeued.isEmpty()) {
            return;
        }
        if (done + reported.size() == 0) {
            // the JVM ended before or between classes: nothing to attribute it to, and nothing gained by a retry
            String why = Crashes.between(archives.settings(), pair);
            requeued.forEach(u -> launcher.failAll(u, new AssertionFailedError(why)));
            return;
        }
        // the classes after the one that crashed the JVM run again, in a pair of their own
        run(requeued);
    }

    /**
     * Judges and reports the classes of a running batch that both its JVMs finished, once its imaged JVM has shown
     * that it loads classes of the images from its archive; the rest wait for the batch's end.
     */
    private void reportFinished(
            RunningPair running, List<MirrorDescriptor> batch, int number, Set<MirrorDescriptor> reported) {
        RunLog plain = running.plain();
        RunLog imaged = running.imaged();
        List<MirrorDescriptor> finished = batch.stream()
                .filter(u -> !reported.contains(u))
                .filter(u -> plain.result(u.original().toString()).isPresent()
                        && imaged.result(u.original().toString()).isPresent())
                .collect(Collectors.toList());
        if (finished.isEmpty() || !running.proven()) {
            return;
        }
        PairLogs logs = PairLogs.of(plain, imaged);
        for (MirrorDescriptor unit : finished) {
            judgeAndReport(unit, logs, number, Optional.empty());
            reported.add(unit);
        }
        progress.judgedWhileRunning(finished.size());
    }

    private void judgeAndReport(MirrorDescriptor unit, PairLogs logs, int batch, Optional<String> crash) {
        ClassJudgement judgement = judge.judge(unit, logs, crash);
        durations.measured(unit.className(), unit.original().toString(), logs.plain(), logs.imaged());
        launcher.judged(unit, batch, logs, judgement);
    }
}
