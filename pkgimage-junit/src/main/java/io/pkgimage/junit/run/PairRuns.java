package io.pkgimage.junit.run;

import io.pkgimage.core.link.ClassLoadLog;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.junit.child.ChildConfig;
import io.pkgimage.junit.child.SoundnessChild;
import io.pkgimage.junit.mirror.OtherEngines;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs tests in a pair of fresh child JVMs, plain and imaged, identical but for the images. */
public final class PairRuns {
    /** The child's log in its folder. */
    static final String LOG = "run.log";
    /** The child's class-load log in its folder. */
    static final String LOAD_LOG = "class-load.log";

    private PairRuns() {}

    /**
     * What one child JVM did.
     *
     * @param imaged whether it was the imaged JVM
     * @param log what it ran
     * @param exit how it ended
     * @param fromImages the classes of the images it loaded from its archive
     * @param loadLog its class-load log
     * @param waitedMillis how long it waited for its archive to be linked before it could start (0 for the plain JVM)
     */
    public record Child(
            boolean imaged, RunLog log, ForkedJvm.Exit exit, List<String> fromImages, Path loadLog, long waitedMillis) {
        /** {@code imaged} or {@code plain}, as messages name it. */
        public String mode() {
            return imaged ? "imaged" : "plain";
        }

        /** Whether it ran to its end and said goodbye. */
        public boolean ended() {
            return !exit.timedOut() && exit.exitCode() == 0 && log.complete();
        }

        /** Whether it passed a timeout: a class's own (the child stopped itself), or the pair's as a whole. */
        public boolean timedOut() {
            return exit.timedOut() || log.timedOut().isPresent();
        }
    }

    /** The two runs of one pair. */
    public record Pair(Child plain, Child imaged) {
        /** The plain JVM, then the imaged one. */
        public List<Child> both() {
            return List.of(plain, imaged);
        }

        /** Whether either JVM ran the test with {@code uniqueId}. */
        public boolean ran(String uniqueId) {
            return plain.log().result(uniqueId).isPresent()
                    || imaged.log().result(uniqueId).isPresent();
        }
    }

    /** Runs {@code config} in a plain and an imaged JVM, side by side when the settings say so, in {@code dir}. */
    public static Pair run(SoundnessArchives archives, ChildConfig config, Path dir) {
        SoundnessSettings settings = archives.settings();
        CompletableFuture<Child> imaged = settings.concurrent()
                ? CompletableFuture.supplyAsync(() -> child(archives, config, dir.resolve("imaged"), true), r -> {
                    Thread t = new Thread(r, "pkgimage-imaged-jvm");
                    t.setDaemon(true);
                    t.start();
                })
                : null;
        Child plain = child(archives, config, dir.resolve("plain"), false);
        if (imaged == null) {
            return new Pair(plain, child(archives, config, dir.resolve("imaged"), true));
        }
        try {
            return new Pair(plain, imaged.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r; // the imaged archive could not be linked: its failure says why
            }
            throw e;
        }
    }

    private static Child child(SoundnessArchives archives, ChildConfig config, Path dir, boolean imaged) {
        SoundnessSettings settings = archives.settings();
        List<String> options = new ArrayList<>(settings.childJvmOptions());
        long waited = System.nanoTime();
        if (imaged) {
            options.addAll(archives.imagedMapping());
        } else {
            options.addAll(settings.recording());
        }
        waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waited);
        Path loadLog = dir.resolve(LOAD_LOG);
        options.add("-Xlog:class+load=info:file=" + loadLog.toAbsolutePath());
        ForkedJvm.Exit exit =
                fork(settings, options, imaged ? archives.imagedClasspath() : archives.plainClasspath(), config, dir);
        if (imaged) {
            archives.imaged(); // it may have started on the dumped archive: what it did counts once that is proven
        }
        return new Child(
                imaged,
                RunLog.read(dir.resolve(LOG)),
                exit,
                imageClassesFromArchive(archives.imageClasses(), loadLog),
                loadLog,
                waited);
    }

    /**
     * Runs {@code config} through {@link SoundnessChild} in a fresh JVM with {@code options}, its files in {@code
     * dir}: its configuration, its log ({@value #LOG}) and its argfile. The child stops itself when a class passes its
     * timeout; the pair as a whole may run that long for each of its classes, and a minute more.
     */
    static ForkedJvm.Exit fork(
            SoundnessSettings settings, List<String> options, List<Path> classpath, ChildConfig config, Path dir) {
        Path file = dir.resolve("child.properties");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(LOG));
            Files.deleteIfExists(dir.resolve(LOAD_LOG));
            config.write(file, dir.resolve(LOG));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the child JVM's folder '" + dir + "': " + e.getMessage(), e);
        }
        List<String> args = new ArrayList<>(options);
        args.add("-cp");
        args.add(withLauncher(classpath).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        args.add(SoundnessChild.class.getName());
        args.add(file.toAbsolutePath().toString());
        Duration limit = settings.timeout()
                .multipliedBy(Math.max(1, config.units().size()))
                .plusMinutes(1);
        return ForkedJvm.run(
                settings.jdk(),
                args,
                dir.resolve("child.args"),
                Path.of(System.getProperty("user.dir")),
                Map.of(),
                limit,
                line -> {});
    }

    /**
     * The class path with the JUnit Platform jars that run this test JVM appended where it lacks them: Surefire keeps
     * the Launcher, and engines it adds itself, on its own class path rather than the test class path; they are the
     * ones that match the project's JUnit.
     */
    static List<Path> withLauncher(List<Path> classpath) {
        Set<Path> all = new LinkedHashSet<>();
        classpath.forEach(p -> all.add(p.toAbsolutePath().normalize()));
        Set<String> names = new HashSet<>();
        all.forEach(p -> names.add(artifactName(p)));
        List<Class<?>> platform =
                new ArrayList<>(List.of(LauncherFactory.class, TestEngine.class, AnnotationSupport.class));
        OtherEngines.find().forEach(e -> platform.add(e.getClass()));
        List<Path> result = new ArrayList<>(classpath);
        for (Class<?> type : platform) {
            try {
                Path jar = ForkedJvm.locationOf(type).toAbsolutePath().normalize();
                if (!all.contains(jar) && names.add(artifactName(jar))) {
                    all.add(jar);
                    result.add(jar);
                }
            } catch (IllegalStateException e) {
                // not from a file: nothing to add
            }
        }
        return result;
    }

    /** A jar's name without its version ({@code junit-platform-launcher} of {@code junit-platform-launcher-1.10.3.jar}). */
    private static String artifactName(Path p) {
        return p.getFileName().toString().replaceAll("-\\d.*$", "");
    }

    /**
     * The classes of the images that the JVM loaded from its archive, by the class-load log {@code log}: a hidden
     * class counts as its host.
     */
    static List<String> imageClassesFromArchive(Set<String> imageClasses, Path log) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(ClassLoadLog::classFromArchive)
                    .flatMap(Optional::stream)
                    .map(PairRuns::host)
                    .filter(imageClasses::contains)
                    .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The internal name of a loaded class, or of the class that defined it if it is a lambda's hidden class. */
    private static String host(String loaded) {
        int end = loaded.indexOf("$$Lambda");
        if (end < 0) {
            end = loaded.indexOf('/'); // another hidden class: its host plus "/0x…"
        }
        return (end > 0 ? loaded.substring(0, end) : loaded).replace('.', '/');
    }
}
