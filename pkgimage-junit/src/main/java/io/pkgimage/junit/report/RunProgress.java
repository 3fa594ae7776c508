package io.pkgimage.junit.report;

import io.pkgimage.core.soundness.ChildJit;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What a soundness run prints as it goes: its plan, a line for each batch done, and one at most every half minute
 * while batches run, each with the test classes judged so far, the verdicts by kind and the time elapsed.
 */
public final class RunProgress {
    /** How often, at most, a running batch's progress is printed. */
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final SoundnessReport report;
    private final int total;
    private final AtomicInteger judged = new AtomicInteger();
    private final long start = System.nanoTime();
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());

    /** The progress of a run of {@code total} test classes, with the verdicts of {@code report}. */
    public RunProgress(SoundnessReport report, int total) {
        this.report = report;
        this.total = total;
    }

    /** Says how the run's test classes are split into {@code batches}, and how they run. */
    public void planned(int batches, SoundnessSettings settings) {
        print(String.format(
                Locale.ROOT,
                "soundness: %d test classes in %d batch%s, each run in a plain and an imaged JVM (%d pair%s at a"
                        + " time); %s%s",
                total,
                batches,
                batches == 1 ? "" : "es",
                settings.slots(),
                settings.slots() == 1 ? "" : "s",
                settings.jdk(),
                settings.childOptions().contains(ChildJit.C1_ONLY)
                        ? "; the suite is short, so they stop at C1 (" + ChildJit.C1_ONLY + ")"
                        : ""));
    }

    /** Counts {@code classes} more judged, and says so for batch {@code batch}, which is done. */
    public void batchDone(int batch, int classes) {
        judged.addAndGet(classes);
        printProgress("batch " + batch + " done, ");
    }

    /** Counts {@code classes} more judged while a batch runs, and says how far the run is, at most each half minute. */
    public void judgedWhileRunning(int classes) {
        judged.addAndGet(classes);
        long now = System.nanoTime();
        long last = lastProgress.get();
        if (now - last > PROGRESS_NANOS && lastProgress.compareAndSet(last, now)) {
            printProgress("");
        }
    }

    private void printProgress(String prefix) {
        lastProgress.set(System.nanoTime());
        String verdicts = report.counts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        print(String.format(
                Locale.ROOT,
                "soundness: %s%d of %d test classes judged; %s; %d:%02d elapsed",
                prefix,
                judged.get(),
                total,
                verdicts.isEmpty() ? "no tests" : verdicts,
                seconds / 60,
                seconds % 60));
    }

    private static void print(String line) {
        System.out.println("[pkgimage] " + line);
        System.out.flush();
    }
}
