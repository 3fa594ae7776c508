package io.pkgimage.junit.settings;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import io.pkgimage.core.soundness.ChildJit;
import io.pkgimage.core.training.TestJvmRecording;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The harness's configuration for one test run, read and checked before anything is linked or started.
 *
 * @param jdk the JDK of the child JVMs
 * @param classpath the test class path, as the test JVM has it
 * @param images the package images to link
 * @param jvmOptions options of the test JVM that the children get too (heap, GC, module flags, system properties)
 * @param workDirectory where the link, the children's files and the reports go
 * @param cacheDirectory the shared archive cache
 * @param timeout how long a child JVM, and the link, may run
 * @param concurrent whether a class's plain and imaged JVMs run at the same time
 * @param sharedInfrastructure whether the imaged JVM's archive holds the test infrastructure too
 * @param childOptions options that both child JVMs get besides {@code jvmOptions}
 * @param isolated patterns of the test classes that get a pair of JVMs of their own
 * @param recording the test JVM's {@code pkgimage:prepare} options, which its plain children get too: they run the
 *     tests as the test JVM would, so their recording trains the module's next image
 */
public record SoundnessSettings(
        Jdk jdk,
        List<Path> classpath,
        List<Path> images,
        List<String> jvmOptions,
        Path workDirectory,
        Path cacheDirectory,
        Duration timeout,
        boolean concurrent,
        boolean sharedInfrastructure,
        List<String> childOptions,
        List<Pattern> isolated,
        List<String> recording) {

    /** The default of {@link SoundnessParameters#TIMEOUT}, in seconds. */
    static final long DEFAULT_TIMEOUT = 600;

    /**
     * The default of {@link SoundnessParameters#CHILD_JVM_OPTIONS}: none. The children's JIT is then the test JVM's,
     * unless the suite is short by its image's training: then they stop at C1 ({@link ChildJit}, through {@link
     * #withChildOptions}).
     */
    static final String DEFAULT_CHILD_OPTIONS = "";

    /** Options that the harness sets in its child JVMs itself, or that would clash or attach twice there. */
    private static final List<String> HARNESS_OWNED = List.of(
            "-Xshare",
            "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit",
            "-XX:DumpLoadedClassList",
            "-XX:SharedClassListFile",
            "-XX:AOT",
            "-Xlog",
            "-javaagent",
            "-agentlib",
            "-agentpath",
            "-Xrunjdwp",
            "-Xdebug");

    /**
     * The options of a child JVM, before the harness's class-data-sharing and logging options; the archives are dumped
     * and proven with exactly these.
     */
    public List<String> childJvmOptions() {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(childOptions);
        return all;
    }

    /** These settings with {@code more} options for both child JVMs after their own. */
    public SoundnessSettings withChildOptions(List<String> more) {
        List<String> options = new ArrayList<>(childOptions);
        options.addAll(more);
        return new SoundnessSettings(
                jdk,
                classpath,
                images,
                jvmOptions,
                workDirectory,
                cacheDirectory,
                timeout,
                concurrent,
                sharedInfrastructure,
                options,
                isolated,
                recording);
    }

    /** How many pairs of JVMs run at once: one per two cores when a pair's JVMs run side by side. */
    public int slots() {
        return concurrent ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : 1;
    }

    /** Whether the test class {@code className} gets a pair of its own ({@link SoundnessParameters#ISOLATED}). */
    public boolean isolated(String className) {
        return isolated.stream().anyMatch(p -> p.matcher(className).matches());
    }

    /**
     * Reads and checks the configuration.
     *
     * @param parameter the JUnit configuration parameter of a key
     * @throws IllegalArgumentException naming the parameter and its bad value
     * @throws PkgImageException when the JDK is not found
     */
    public static SoundnessSettings of(Function<String, Optional<String>> parameter) {
        Jdk jdk = parameter
                .apply(SoundnessParameters.JDK)
                .map(v -> {
                    try {
                        return Jdks.standardLocations().resolve(v);
                    } catch (PkgImageException e) {
                        throw new PkgImageException(SoundnessParameters.JDK + ": " + e.getMessage(), e);
                    }
                })
                .orElseGet(Jdks::current);
        List<Path> classpath = testClassPath();
        List<Path> images = parameter
                .apply(SoundnessParameters.IMAGES)
                .map(ImageFiles::named)
                .orElseGet(() -> ImageFiles.found(classpath));
        Path work = workDirectory(parameter);
        Duration timeout = Duration.ofSeconds(parameter
                .apply(SoundnessParameters.TIMEOUT)
                .map(v -> {
                    try {
                        long seconds = Long.parseLong(v.trim());
                        if (seconds > 0) {
                            return seconds;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw new IllegalArgumentException(
                            SoundnessParameters.TIMEOUT + " must be a positive number of seconds, not '" + v + "'");
                })
                .orElse(DEFAULT_TIMEOUT));
        Path cache = parameter
                .apply(SoundnessParameters.CACHE_DIRECTORY)
                .filter(v -> !v.isBlank())
                .map(v -> inModule(Path.of(v.trim())))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "pkgimage", "archives"));
        if (Files.exists(cache) && !Files.isDirectory(cache)) {
            throw new IllegalArgumentException(SoundnessParameters.CACHE_DIRECTORY + " names '" + cache
                    + "', which is a file, not a folder; name a folder (it is made if missing) or leave it unset for"
                    + " ~/.cache/pkgimage/archives");
        }
        return new SoundnessSettings(
                jdk,
                classpath,
                images,
                inheritedOptions(),
                work,
                cache,
                timeout,
                flag(parameter, SoundnessParameters.CONCURRENT, true),
                flag(parameter, SoundnessParameters.SHARED_INFRASTRUCTURE, false),
                childOptions(
                        parameter.apply(SoundnessParameters.CHILD_JVM_OPTIONS).orElse(DEFAULT_CHILD_OPTIONS)),
                parameter
                        .apply(SoundnessParameters.ISOLATED)
                        .map(SoundnessSettings::patterns)
                        .orElse(List.of()),
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(TestJvmRecording::isRecordingOption)
                        .toList());
    }

    /** Comma-separated class names, {@code *} standing for any characters. */
    private static List<Pattern> patterns(String value) {
        List<Pattern> patterns = new ArrayList<>();
        for (String name : value.split(",")) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            if (!n.matches("[\\p{L}\\p{N}_$.*]+")) {
                throw new IllegalArgumentException(SoundnessParameters.ISOLATED
                        + " must be class names separated by commas, '*' standing for any characters, not '" + n + "'");
            }
            patterns.add(Pattern.compile(Pattern.quote(n).replace("*", "\\E.*\\Q")));
        }
        return patterns;
    }

    private static List<String> childOptions(String value) {
        List<String> options = new ArrayList<>();
        for (String option : value.trim().split("\\s+")) {
            if (option.isEmpty()) {
                continue;
            }
            if (!option.startsWith("-") || harnessOwned(option)) {
                throw new IllegalArgumentException(
                        SoundnessParameters.CHILD_JVM_OPTIONS + " must be JVM options, other than"
                                + " those that the harness sets itself or keeps out of its JVMs (class-data sharing, logging,"
                                + " agents, debuggers), not '" + option + "'");
            }
            options.add(option);
        }
        return options;
    }

    /** Whether the option is one that the harness sets in its child JVMs itself, or would clash or attach twice. */
    private static boolean harnessOwned(String a) {
        return HARNESS_OWNED.stream().anyMatch(a::startsWith);
    }

    /** A {@code true}/{@code false} parameter, {@code otherwise} when it is not set. */
    private static boolean flag(Function<String, Optional<String>> parameter, String key, boolean otherwise) {
        return parameter
                .apply(key)
                .map(v -> {
                    if (!v.trim().equalsIgnoreCase("true") && !v.trim().equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
                    }
                    return Boolean.parseBoolean(v.trim());
                })
                .orElse(otherwise);
    }

    /** The test JVM's class path as Surefire gives it (not its manifest-only booter jar), existing entries only. */
    public static List<Path> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize())
                .filter(Files::exists)
                .collect(Collectors.toList());
    }

    /**
     * {@link SoundnessParameters#WORK_DIRECTORY}, or {@code target/pkgimage/soundness}, relative to the module's folder
     * (Surefire's {@code basedir}), not to the tests' working directory, which a build may set elsewhere.
     */
    public static Path workDirectory(Function<String, Optional<String>> parameter) {
        return inModule(parameter
                .apply(SoundnessParameters.WORK_DIRECTORY)
                .map(Path::of)
                .orElse(Path.of("target", "pkgimage", "soundness")));
    }

    /** {@code path} relative to the module's folder (Surefire's {@code basedir}), absolute. */
    private static Path inModule(Path path) {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return base.resolve(path).toAbsolutePath().normalize();
    }

    /**
     * The test JVM's own options that shape how tests behave (heap, GC, module flags, {@code -D} properties), so that
     * both children run as the tests would; class-data-sharing options, logging, agents and debuggers are left out,
     * since the harness sets the first two itself and the others would clash or attach twice.
     */
    private static List<String> inheritedOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !harnessOwned(a))
                .collect(Collectors.toList());
    }
}
