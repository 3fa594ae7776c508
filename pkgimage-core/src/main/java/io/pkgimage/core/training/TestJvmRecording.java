package io.pkgimage.core.training;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.jdk.Jdk;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the build's own test JVMs (Surefire's or Failsafe's forks) record for the image, so that the tests run once:
 * {@code pkgimage:prepare} adds {@link #jvmOptions} to their {@code argLine} after {@link #begin}, and {@code
 * pkgimage:compile} (or {@code record}) takes what they left with {@link #collect}.
 *
 * <p>Each test JVM writes its own classlist ({@code -XX:DumpLoadedClassList} expands {@code %p} to {@code pid<N>}) and
 * its own start-up log ({@code -Xlog:gc+init} to {@code jvm-<N>.log}), whose {@code Version:} line says which JDK build
 * ran it: forks of any count, reused or not, never write over each other. The folder's {@value #STAMP} holds the
 * fingerprint of the inputs the recording was prepared for; a recording is used only for the same inputs.
 */
public final class TestJvmRecording {
    /** The file that {@link #begin} writes: the inputs and the time the recording was prepared for. */
    public static final String STAMP = "recording.properties";
    /** The file, in compile's work directory, of the test JVMs' classlists merged into one. */
    public static final String MERGED = "recorded.classlist";

    private static final Pattern CLASSLIST = Pattern.compile("classlist-pid(\\d+)\\.txt");
    private static final Pattern VERSION = Pattern.compile("\\[gc,init\\] Version: (\\S+)");
    private static final String CLASSLIST_OPTION = "-XX:DumpLoadedClassList=";
    private static final String LOG_OPTION = "-Xlog:gc+init=info:file=";

    private TestJvmRecording() {}

    /**
     * What one test run of the build recorded.
     *
     * @param classlists each test JVM's classlist, by the JVM's process id
     * @param began when the recording was prepared: reports older than that are of another run
     */
    public record Recorded(List<Path> classlists, Instant began) {
        public Recorded {
            classlists = List.copyOf(classlists);
        }
    }

    /**
     * The outcome of looking for a recording: the recording, or why there is none to use.
     *
     * @param recorded the recording, when one holds for the inputs and the JDK
     * @param why when there is none: why, as the end of a sentence ("… so it trains itself")
     */
    public record Lookup(Optional<Recorded> recorded, String why) {}

    /** The JVM options that make a test JVM record into {@code folder}: its classlist and which JDK build it is. */
    public static List<String> jvmOptions(Path folder) {
        Path dir = folder.toAbsolutePath();
        return List.of(CLASSLIST_OPTION + dir.resolve("classlist-%p.txt"), LOG_OPTION + dir.resolve("jvm-%p.log"));
    }

    /** Whether {@code option} is one of {@link #jvmOptions}' options, of any folder. */
    public static boolean isRecordingOption(String option) {
        return option.startsWith(CLASSLIST_OPTION) || option.startsWith(LOG_OPTION);
    }

    /**
     * Empties {@code folder} and marks it as prepared for {@code inputs} now, so that what test JVMs of earlier runs
     * left is never taken for this run's.
     */
    public static void begin(Path folder, String inputs) {
        AtomicFiles.deleteTree(folder);
        Properties p = new Properties();
        p.setProperty("inputs.sha256", inputs);
        p.setProperty("began", Instant.now().toString());
        StringWriter text = new StringWriter();
        try {
            p.store(text, "prepared by pkgimage:prepare: the build's test JVMs record here");
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the recording folder '" + folder + "': " + e, e);
        }
        AtomicFiles.writeString(folder.resolve(STAMP), text.toString());
    }

    /**
     * The recording in {@code folder} when it was prepared for {@code inputs} and every test JVM that recorded ran on
     * {@code target}'s build; else why not.
     */
    public static Lookup collect(Path folder, String inputs, Jdk target) {
        Path stamp = folder.resolve(STAMP);
        if (!Files.isRegularFile(stamp)) {
            return none("there is no recording of the build's test run (" + folder
                    + " has none: bind pkgimage:prepare to record it)");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(stamp)) {
            p.load(in);
        } catch (IOException e) {
            return none("the recording's " + stamp + " cannot be read (" + e.getMessage() + ")");
        }
        if (!inputs.equals(p.getProperty("inputs.sha256"))) {
            return none("the recording in " + folder + " was prepared for other inputs (the classes, test classes,"
                    + " dependencies, JDK or settings changed since the test run)");
        }
        Instant began;
        try {
            began = Instant.parse(p.getProperty("began", ""));
        } catch (java.time.format.DateTimeParseException e) {
            return none("the recording's " + stamp + " has no valid time");
        }
        TreeMap<Long, Path> classlists = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                Matcher m = CLASSLIST.matcher(f.getFileName().toString());
                if (m.matches()) {
                    classlists.put(Long.parseLong(m.group(1)), f);
                }
            });
        } catch (IOException e) {
            throw new PkgImageException("Cannot list the recording folder '" + folder + "': " + e.getMessage(), e);
        }
        if (classlists.isEmpty()) {
            return none("no test JVM recorded into " + folder + " (did the tests run in Maven's own JVM, with"
                    + " forkCount=0, or did Surefire's argLine not take the argLine property?)");
        }
        List<String> others = new ArrayList<>();
        for (Long pid : classlists.keySet()) {
            Optional<String> version = version(folder.resolve("jvm-" + pid + ".log"));
            if (version.isEmpty()) {
                return none("the test JVM " + pid + " left a classlist but no start-up log saying which JDK ran it");
            }
            if (!version.get().equals(target.runtimeVersion())) {
                others.add(version.get());
            }
        }
        if (!others.isEmpty()) {
            return none("the build's test JVMs ran on JDK " + others.get(0) + ", and the image is for "
                    + target.runtimeVersion() + " (" + target.home() + "); run the tests on that JDK (a toolchain or"
                    + " Surefire's <jvm>) to train from them");
        }
        return new Lookup(Optional.of(new Recorded(new ArrayList<>(classlists.values()), began)), "");
    }

    private static Optional<String> version(Path log) {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(VERSION::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Lookup none(String why) {
        return new Lookup(Optional.empty(), why);
    }
}
