package io.pkgimage.junit.child;

import io.pkgimage.core.process.ParentWatch;
import io.pkgimage.core.soundness.ClassResults;
import io.pkgimage.core.soundness.TestRecord;
import io.pkgimage.junit.ImageSoundness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The {@code main} of a soundness child JVM: runs one test class through the JUnit Platform Launcher, with the
 * harness in child mode, and writes every test's record to a results file, {@code goodbye=true} last. One argument:
 * a properties file with {@code class} and {@code results}. It halts when its standard input closes.
 */
public final class SoundnessChild {
    private static final Map<String, SortedMap<String, String>> OBSERVATIONS = new ConcurrentHashMap<>();

    private SoundnessChild() {}

    /** Records an observation of the test with {@code uniqueId}; called by the extension in the child. */
    public static void observe(String uniqueId, String name, Object value) {
        OBSERVATIONS.computeIfAbsent(uniqueId, k -> new TreeMap<>()).put(name, text(value));
    }

    public static void main(String[] args) throws IOException {
        ParentWatch.start();
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        Map<String, TestRecord> records = new LinkedHashMap<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(config.getProperty("class")))
                                .configurationParameter(ImageSoundness.CHILD, "soundness")
                                .build(),
                        new TestExecutionListener() {
                            @Override
                            public void executionStarted(TestIdentifier id) {
                                started.put(id.getUniqueId(), System.nanoTime());
                            }

                            @Override
                            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                                if (id.isTest()) {
                                    long micros = (System.nanoTime()
                                                    - started.getOrDefault(id.getUniqueId(), System.nanoTime()))
                                            / 1000;
                                    records.put(id.getUniqueId(), record(id, result, micros));
                                }
                            }

                            @Override
                            public void executionSkipped(TestIdentifier id, String reason) {
                                if (id.isTest()) {
                                    records.put(
                                            id.getUniqueId(),
                                            new TestRecord("SKIPPED", "", reason, new TreeMap<>(), 0));
                                }
                            }
                        });
        ClassResults.write(records, Path.of(config.getProperty("results")));
        System.out.flush();
        System.exit(0);
    }

    private static TestRecord record(TestIdentifier id, TestExecutionResult result, long micros) {
        String type = result.getThrowable().map(t -> t.getClass().getName()).orElse("");
        String message =
                result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
        return new TestRecord(
                result.getStatus().name(),
                type,
                message,
                OBSERVATIONS.getOrDefault(id.getUniqueId(), new TreeMap<>()),
                micros);
    }

    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
        }
        return String.valueOf(value);
    }
}
