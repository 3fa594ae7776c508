package io.pkgimage.core.soundness;

import io.pkgimage.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Splits a suite's test classes into batches, each run in one plain and one imaged JVM, in the suite's order.
 *
 * <p>Every JVM pays its start, JUnit's start and the JIT's warm-up, and a class that depends on what ran before it
 * behaves as in the build's own test JVM only after the same classes. So there are as few batches as keep every core
 * busy: one per pair of JVMs that run at once ({@code slots}), contiguous runs of the suite balanced by each class's
 * duration in an earlier run where known ({@link #readDurations}), else by its number of tests. Classes that need
 * isolation get a batch of their own.
 */
public final class BatchPlan {
    private BatchPlan() {}

    /**
     * One test class of the suite to plan.
     *
     * @param id its unique id
     * @param name its class name, the key of its duration
     * @param tests how many tests it declares (dynamic ones not counted)
     * @param isolated whether it gets a pair of JVMs of its own
     */
    public record Unit(String id, String name, int tests, boolean isolated) {}

    /**
     * A batch: classes run in one plain and one imaged JVM.
     *
     * @param units the classes, in the suite's order
     * @param isolated whether it is one class that asked for a pair of its own
     */
    public record Batch(List<Unit> units, boolean isolated) {}

    /** The estimate of a class that no earlier run measured. */
    static long estimate(Unit unit) {
        return 100 + 5L * unit.tests();
    }

    /**
     * The batches of {@code units}: the isolated ones first, then at most {@code slots} contiguous runs of the others,
     * each about the same duration.
     *
     * @param durations milliseconds each class took in an earlier run, by class name
     * @param slots how many JVM pairs run at once, at least 1
     */
    public static List<Batch> plan(List<Unit> units, Map<String, Long> durations, int slots) {
        List<Batch> batches = new ArrayList<>();
        List<Unit> rest = new ArrayList<>();
        for (Unit u : units) {
            if (u.isolated()) {
                batches.add(new Batch(List.of(u), true));
            } else {
                rest.add(u);
            }
        }
        long total = 0;
        for (Unit u : rest) {
            total += durations.getOrDefault(u.name(), estimate(u));
        }
        int parts = Math.max(1, Math.min(slots, rest.size()));
        List<Unit> current = new ArrayList<>();
        long done = 0;
        int cuts = 0;
        for (Unit u : rest) {
            current.add(u);
            done += durations.getOrDefault(u.name(), estimate(u));
            // cut where the work so far reaches the next share of the total
            if (cuts < parts - 1 && done * parts >= total * (cuts + 1)) {
                batches.add(new Batch(List.copyOf(current), false));
                current.clear();
                cuts++;
            }
        }
        if (!current.isEmpty()) {
            batches.add(new Batch(List.copyOf(current), false));
        }
        return batches;
    }

    /** The durations an earlier run wrote to {@code file}, by class name; none when there is no such file. */
    public static Map<String, Long> readDurations(Path file) {
        Map<String, Long> durations = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return durations;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return durations; // an unreadable history only makes the plan a guess
        }
        for (String name : p.stringPropertyNames()) {
            try {
                durations.put(name, Long.parseLong(p.getProperty(name).trim()));
            } catch (NumberFormatException e) {
                // one bad line: that class is estimated
            }
        }
        return durations;
    }

    /** Writes {@code durations} (milliseconds by class name) to {@code file} atomically, sorted. */
    public static void writeDurations(Path file, Map<String, Long> durations) {
        StringBuilder text = new StringBuilder("# milliseconds each test class took in the last soundness run\n");
        new TreeMap<>(durations).forEach((k, v) -> {
            Properties one = new Properties();
            one.setProperty(k, Long.toString(v));
            StringWriter w = new StringWriter();
            try {
                one.store(w, null);
            } catch (IOException e) {
                throw new IllegalStateException("Writing to a string cannot fail", e);
            }
            w.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> text.append(l)
                    .append('\n'));
        });
        AtomicFiles.writeString(file, text.toString());
    }
}
