package io.pkgimage.core.soundness;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each test class took, in milliseconds by class name: those of the last run, read from its file to plan
 * the batches ({@link BatchPlan}), and those measured in this one, written back over them when it ends. Safe to use
 * from several threads.
 */
public final class Durations {
    private final Path file;
    private final Map<String, Long> known;
    private final Map<String, Long> measured = new ConcurrentHashMap<>();

    private Durations(Path file, Map<String, Long> known) {
        this.file = file;
        this.known = Map.copyOf(known);
    }

    /** The durations of the last run, from {@code file}; none when there is no such file or it cannot be read. */
    public static Durations read(Path file) {
        return new Durations(file, BatchPlan.readDurations(file));
    }

    /** The durations of the last run, as read. */
    public Map<String, Long> known() {
        return known;
    }

    /**
     * Keeps the duration of the class {@code name}, whose unique id is {@code id}: the longer of its two runs, when
     * either JVM finished it.
     */
    public void measured(String name, String id, RunLog plain, RunLog imaged) {
        long micros = Math.max(
                plain.result(id).map(TestRecord::micros).orElse(0L),
                imaged.result(id).map(TestRecord::micros).orElse(0L));
        if (micros > 0) {
            measured.put(name, micros / 1000);
        }
    }

    /** Writes the last run's durations, with those measured since replacing theirs, to the file they were read from. */
    public void write() {
        Map<String, Long> all = new TreeMap<>(known);
        all.putAll(measured);
        BatchPlan.writeDurations(file, all);
    }
}
