package io.pkgimage.junit.plan;

import io.pkgimage.junit.child.ChildConfig;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * What the child JVMs of one test run are told to run ({@link ChildConfig}): the selectors and test classes of a
 * batch, of a test run again alone, or of the probe, with the run's configuration parameters and the system properties
 * the test JVM had at discovery.
 */
public final class ChildConfigs {
    /** System properties of the test JVM when the tests were discovered, before any test could change them. */
    private static volatile Map<String, String> propertiesAtDiscovery = Map.of();

    /** Prefixes of the properties that every JVM sets itself, or that belong to the test JVM's own runner. */
    private static final List<String> JVM_OWNED_PREFIXES =
            List.of("java.", "jdk.", "sun.", "os.", "user.", "file.", "surefire.", "native.", "stdout.", "stderr.");

    /** Properties that every JVM sets itself. */
    private static final Set<String> JVM_OWNED = Set.of("line.separator", "path.separator", "awt.toolkit");

    private final SoundnessSettings settings;
    private final Map<String, String> parameters;

    /** The configurations of a run with {@code settings} and the launcher's {@code parameters}. */
    public ChildConfigs(SoundnessSettings settings, ConfigurationParameters parameters) {
        this.settings = settings;
        Map<String, String> params = new TreeMap<>();
        for (String key : parameters.keySet()) {
            if (!key.startsWith("pkgimage.")) {
                parameters.get(key).ifPresent(v -> params.put(key, v));
            }
        }
        this.parameters = Map.copyOf(params);
    }

    /** Keeps the system properties the test JVM was started with, for the child JVMs. */
    public static void discovered() {
        Map<String, String> p = new TreeMap<>();
        Properties system = System.getProperties();
        for (String k : system.stringPropertyNames()) {
            if (!jvmOwned(k)) {
                p.put(k, system.getProperty(k));
            }
        }
        propertiesAtDiscovery = Map.copyOf(p);
    }

    private static boolean jvmOwned(String key) {
        return JVM_OWNED_PREFIXES.stream().anyMatch(key::startsWith) || JVM_OWNED.contains(key);
    }

    /** What a batch of test classes runs: each class whole where nothing of it was left out, else what is left. */
    public ChildConfig batch(List<MirrorDescriptor> units) {
        List<String> selectors = new ArrayList<>();
        units.forEach(u -> selectors(u, selectors));
        return config(selectors, ids(units));
    }

    /** What a run of {@code selectors} alone runs, below the test class whose unique id is {@code unit}. */
    public ChildConfig alone(List<String> selectors, String unit) {
        return config(selectors, List.of(unit));
    }

    /** The probe: the smallest class of each engine, which loads that engine's infrastructure. */
    public ChildConfig probe(List<MirrorDescriptor> units) {
        Map<String, MirrorDescriptor> smallest = new LinkedHashMap<>();
        for (MirrorDescriptor u : units) {
            String engine = u.original().getEngineId().orElse("");
            smallest.merge(engine, u, (a, b) -> b.testCount() < a.testCount() ? b : a);
        }
        List<String> ids = ids(List.copyOf(smallest.values()));
        return config(ids, ids);
    }

    private ChildConfig config(List<String> selectors, List<String> units) {
        return new ChildConfig(selectors, units, settings.timeout().toSeconds(), parameters, propertiesAtDiscovery);
    }

    private static void selectors(MirrorDescriptor d, List<String> out) {
        if (!partialBelow(d)) {
            out.add(d.original().toString());
        } else {
            d.getChildren().forEach(c -> selectors((MirrorDescriptor) c, out));
        }
    }

    private static boolean partialBelow(MirrorDescriptor d) {
        return d.partial() || d.getChildren().stream().anyMatch(c -> partialBelow((MirrorDescriptor) c));
    }

    private static List<String> ids(List<MirrorDescriptor> units) {
        return units.stream().map(u -> u.original().toString()).collect(Collectors.toList());
    }
}
