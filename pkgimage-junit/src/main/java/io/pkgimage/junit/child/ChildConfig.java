package io.pkgimage.junit.child;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a soundness child JVM runs: the fixed contract between the harness and {@link
 * io.pkgimage.junit.child.SoundnessChild}, written as a properties file that is the child's one argument.
 *
 * @param selectors unique ids of the tests and containers to run, in order
 * @param units unique ids of the test classes among them, each of which may run {@code timeoutSeconds}
 * @param timeoutSeconds how long one test class may run before the child stops itself
 * @param parameters the test run's JUnit configuration parameters
 * @param properties system properties to set before the tests run (those the test JVM was given at run time)
 */
public record ChildConfig(
        List<String> selectors,
        List<String> units,
        long timeoutSeconds,
        Map<String, String> parameters,
        Map<String, String> properties) {
    public ChildConfig {
        selectors = List.copyOf(selectors);
        units = List.copyOf(units);
        parameters = Map.copyOf(parameters);
        properties = Map.copyOf(properties);
    }

    /** Writes the configuration, with the child's log at {@code log}, to {@code file}. */
    public void write(Path file, Path log) throws IOException {
        Properties p = new Properties();
        p.setProperty("log", log.toAbsolutePath().toString());
        p.setProperty("timeout", Long.toString(timeoutSeconds));
        for (int i = 0; i < selectors.size(); i++) {
            p.setProperty("selector." + i, selectors.get(i));
        }
        for (int i = 0; i < units.size(); i++) {
            p.setProperty("unit." + i, units.get(i));
        }
        new TreeMap<>(parameters).forEach((k, v) -> p.setProperty("parameter." + k, v));
        new TreeMap<>(properties).forEach((k, v) -> p.setProperty("property." + k, v));
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "pkgimage soundness child");
        }
    }

    /** The configuration in {@code file}, and the path of the log to write. */
    public static Map.Entry<ChildConfig, Path> read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        List<String> selectors = new ArrayList<>();
        for (int i = 0; p.containsKey("selector." + i); i++) {
            selectors.add(p.getProperty("selector." + i));
        }
        List<String> units = new ArrayList<>();
        for (int i = 0; p.containsKey("unit." + i); i++) {
            units.add(p.getProperty("unit." + i));
        }
        Map<String, String> parameters = new TreeMap<>();
        Map<String, String> properties = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("parameter.")) {
                parameters.put(k.substring("parameter.".length()), p.getProperty(k));
            } else if (k.startsWith("property.")) {
                properties.put(k.substring("property.".length()), p.getProperty(k));
            }
        }
        return Map.entry(
                new ChildConfig(
                        selectors, units, Long.parseLong(p.getProperty("timeout", "600")), parameters, properties),
                Path.of(p.getProperty("log")));
    }
}
