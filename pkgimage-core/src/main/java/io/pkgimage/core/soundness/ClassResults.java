package io.pkgimage.core.soundness;

import io.pkgimage.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The results of one test class in one child JVM, by the tests' unique ids in the order they ran, as the child writes
 * them.
 *
 * @param tests the record of each test that ran, in execution order
 * @param complete whether the child finished and said goodbye
 */
public record ClassResults(Map<String, TestRecord> tests, boolean complete) {
    public ClassResults {
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
    }

    /** The record of the test that ran first, which paid for loading what the class uses. */
    public Optional<TestRecord> first() {
        return tests.values().stream().findFirst();
    }

    /** The record of the test with this unique id, if it ran. */
    public Optional<TestRecord> test(String uniqueId) {
        return Optional.ofNullable(tests.get(uniqueId));
    }

    /** Writes the results atomically, with {@code goodbye=true} last. */
    public static void write(Map<String, TestRecord> tests, Path file) {
        Properties p = new Properties();
        int i = 0;
        for (Map.Entry<String, TestRecord> e : tests.entrySet()) {
            String k = "test." + i++ + ".";
            TestRecord r = e.getValue();
            p.setProperty(k + "id", e.getKey());
            p.setProperty(k + "status", r.status());
            p.setProperty(k + "exception", r.exceptionType());
            p.setProperty(k + "message", r.message());
            p.setProperty(k + "micros", Long.toString(r.micros()));
            int j = 0;
            for (Map.Entry<String, String> o : r.observations().entrySet()) {
                p.setProperty(k + "obs." + j + ".name", o.getKey());
                p.setProperty(k + "obs." + j++ + ".value", o.getValue());
            }
        }
        p.setProperty("goodbye", "true");
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a string cannot fail", e);
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** Reads what a child wrote; a missing file reads as no results and not complete. */
    public static ClassResults read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new ClassResults(Map.of(), false);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the test results '" + file + "': " + e.getMessage(), e);
        }
        Map<String, TestRecord> tests = new LinkedHashMap<>();
        for (int i = 0; p.containsKey("test." + i + ".id"); i++) {
            String k = "test." + i + ".";
            SortedMap<String, String> observations = new TreeMap<>();
            for (int j = 0; p.containsKey(k + "obs." + j + ".name"); j++) {
                observations.put(p.getProperty(k + "obs." + j + ".name"), p.getProperty(k + "obs." + j + ".value"));
            }
            tests.put(
                    p.getProperty(k + "id"),
                    new TestRecord(
                            p.getProperty(k + "status"),
                            p.getProperty(k + "exception", ""),
                            p.getProperty(k + "message", ""),
                            observations,
                            micros(p.getProperty(k + "micros", "0"))));
        }
        return new ClassResults(tests, "true".equals(p.getProperty("goodbye")));
    }

    private static long micros(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
