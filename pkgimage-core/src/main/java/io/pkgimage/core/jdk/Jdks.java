package io.pkgimage.core.jdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds and describes JDK installations from their {@code release} file. */
public final class Jdks {
    /** The oldest feature release pkgimage supports. */
    public static final int MINIMUM_FEATURE = 17;

    private static final List<Path> DEFAULT_LOCATIONS = List.of(
            Path.of("/usr/lib/jvm"),
            Path.of("/usr/java"),
            Path.of("/opt/java"),
            Path.of("/Library/Java/JavaVirtualMachines"),
            Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"),
            Path.of(System.getProperty("user.home"), ".jdks"));

    private final List<Path> locations;

    private Jdks(List<Path> locations) {
        this.locations = List.copyOf(locations);
    }

    /** Looks for installed JDKs in the usual places of Linux, macOS, SDKMAN! and IntelliJ. */
    public static Jdks standardLocations() {
        return new Jdks(DEFAULT_LOCATIONS);
    }

    /** Looks for installed JDKs only in the given folders (each holding JDK homes). */
    public static Jdks in(List<Path> locations) {
        return new Jdks(locations);
    }

    /** The JDK running this code. */
    public static Jdk current() {
        return of(Path.of(System.getProperty("java.home")));
    }

    /**
     * Describes the JDK at {@code home}.
     *
     * @throws InvalidJdkException if {@code home} is not a JDK home of release 17 or newer
     */
    public static Jdk of(Path home) {
        Path abs = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new InvalidJdkException("JDK path '" + abs + "' does not exist or is not a folder; "
                    + "give the home folder of a JDK " + MINIMUM_FEATURE + "+ (the one holding bin/java)");
        }
        Path release = abs.resolve("release");
        Path java = abs.resolve("bin").resolve(Jdk.isWindows() ? "java.exe" : "java");
        if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
            Optional<Path> parent =
                    Optional.ofNullable(abs.getParent()).filter(p -> Files.isRegularFile(p.resolve("release")));
            throw new InvalidJdkException("'" + abs + "' is not a JDK home: "
                    + (Files.isExecutable(java) ? "no 'release' file" : "no executable bin/java")
                    + parent.map(p -> " (did you mean its parent '" + p + "'?)")
                            .orElse("; give the folder that holds bin/java and release"));
        }
        Map<String, String> props = readRelease(release);
        String version = props.get("JAVA_VERSION");
        if (version == null || version.isBlank()) {
            throw new InvalidJdkException("'" + release + "' has no JAVA_VERSION; '" + abs + "' is not a JDK home");
        }
        int feature = feature(version);
        if (feature < MINIMUM_FEATURE) {
            throw new InvalidJdkException("JDK at '" + abs + "' is Java " + version + "; pkgimage needs JDK "
                    + MINIMUM_FEATURE + " or newer");
        }
        String vendor = props.getOrDefault("IMPLEMENTOR", "unknown");
        String runtime = props.getOrDefault("JAVA_RUNTIME_VERSION", version);
        return new Jdk(abs, vendor, version, runtime, feature);
    }

    /** The JDKs installed in this instance's locations, newest first; unreadable ones are left out. */
    public List<Jdk> installed() {
        List<Jdk> found = new ArrayList<>();
        for (Path location : locations) {
            if (!Files.isDirectory(location)) {
                continue;
            }
            try (Stream<Path> children = Files.list(location)) {
                for (Path child : children.sorted().collect(Collectors.toList())) {
                    for (Path candidate :
                            List.of(child, child.resolve("Contents").resolve("Home"))) {
                        try {
                            Jdk jdk = of(candidate);
                            if (!Files.isSymbolicLink(child)
                                    && found.stream().noneMatch(j -> j.home().equals(jdk.home()))) {
                                found.add(jdk);
                            }
                            break;
                        } catch (InvalidJdkException notAJdk) {
                            // keep looking: folders here may be JREs, docs or links
                        }
                    }
                }
            } catch (IOException e) {
                // an unreadable folder simply holds no JDK we can use
            }
        }
        found.sort(Comparator.comparingInt(Jdk::feature).reversed().thenComparing(j -> j.home()
                .toString()));
        return found;
    }

    /**
     * Resolves a user's JDK choice: a path to a JDK home, or a feature release such as {@code 25}.
     *
     * @throws InvalidJdkException naming the value and the JDKs that were found when it cannot be resolved
     */
    public Jdk resolve(String spec) {
        String value = spec.trim();
        if (value.matches("\\d{1,3}")) {
            int wanted = Integer.parseInt(value);
            List<Jdk> all = installed();
            return all.stream()
                    .filter(j -> j.feature() == wanted)
                    .findFirst()
                    .orElseThrow(() -> new InvalidJdkException("No JDK " + wanted + " found in " + locations
                            + "; installed: " + describe(all) + ". Install one or give its home folder instead of '"
                            + value + "'"));
        }
        try {
            return of(Path.of(value));
        } catch (InvalidJdkException e) {
            throw new InvalidJdkException(e.getMessage() + ". Installed JDKs: " + describe(installed()));
        }
    }

    private static String describe(List<Jdk> jdks) {
        return jdks.isEmpty()
                ? "none found"
                : jdks.stream().map(j -> j.feature() + " at " + j.home()).collect(Collectors.joining(", "));
    }

    static int feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new InvalidJdkException("Cannot read the Java version '" + version + "'");
        }
        return Integer.parseInt(v.substring(0, end));
    }

    private static Map<String, String> readRelease(Path release) {
        Map<String, String> props = new HashMap<>();
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    String raw = line.substring(eq + 1).trim();
                    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                        raw = raw.substring(1, raw.length() - 1);
                    }
                    props.put(line.substring(0, eq).trim(), raw);
                }
            }
        } catch (IOException e) {
            throw new InvalidJdkException("Cannot read '" + release + "': " + e.getMessage());
        }
        return props;
    }
}
