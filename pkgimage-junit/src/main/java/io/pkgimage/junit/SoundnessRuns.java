package io.pkgimage.junit;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.link.ClassLoadLog;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.soundness.ClassResults;
import io.pkgimage.core.soundness.TestRecord;
import io.pkgimage.junit.child.SoundnessChild;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The plain and imaged runs of test classes: one link of the test class path per test run (kept in the root
 * context's store), one pair of fresh JVMs per class and round (kept in the class's store).
 */
final class SoundnessRuns {

    private SoundnessRuns() {}

    /** What one child JVM gave: its results, how long it ran, and how many classes of the images it loaded. */
    record Run(ClassResults results, long wallMillis, long classesFromArchive) {
        Optional<TestRecord> test(String uniqueId) {
            return results.test(uniqueId);
        }
    }

    /** The plain and imaged runs of one class in one round. */
    record Pair(String testClass, Run plain, Run imaged) {}

    private record Outcome(Optional<Pair> pair, Optional<String> error) {}

    /**
     * The pair of runs of {@code context}'s class in {@code round} (1, or 2 to tell a flaky test from a divergence),
     * run on first use.
     *
     * @throws AssertionFailedError naming the class, the child's command line and last output when a run failed, or
     *     when the images were not in effect
     */
    static Pair of(ExtensionContext context, int round) {
        ExtensionContext owner = classContext(context);
        Outcome outcome = owner.getStore(ImageSoundnessExtension.NAMESPACE)
                .computeIfAbsent("round-" + round, k -> run(owner, round), Outcome.class);
        if (outcome.error().isPresent()) {
            throw new AssertionFailedError(outcome.error().get());
        }
        Pair pair = outcome.pair().orElseThrow();
        if (round == 1) {
            SoundnessReport.of(context).addClass(pair);
        }
        return pair;
    }

    /** The context of the top-level class: its {@code @Nested} classes run in the same pair of JVMs. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getParent().get().getTestClass().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Outcome run(ExtensionContext context, int round) {
        SoundnessArchives.Made made = SoundnessArchives.of(context);
        if (made.error().isPresent()) {
            return new Outcome(Optional.empty(), made.error());
        }
        SoundnessArchives archives = made.archives().orElseThrow();
        String testClass = context.getRequiredTestClass().getName();
        Path dir = archives.settings()
                .workDirectory()
                .resolve("runs")
                .resolve(testClass)
                .resolve("round-" + round);
        // the two JVMs are independent: side by side they take the time of the slower one on a machine with 2 cores
        CompletableFuture<Child> imagedChild = archives.settings().concurrent()
                ? CompletableFuture.supplyAsync(() -> child(archives, testClass, dir, true), r -> {
                    Thread t = new Thread(r, "pkgimage-imaged-jvm");
                    t.setDaemon(true);
                    t.start();
                })
                : null;
        Child plain = child(archives, testClass, dir, false);
        Child imaged = imagedChild != null ? imagedChild.join() : child(archives, testClass, dir, true);
        // the plain JVM's failure first: an imaged failure alone is the image's
        for (Child c : List.of(plain, imaged)) {
            if (c.error().isPresent()) {
                return new Outcome(Optional.empty(), c.error());
            }
        }
        return new Outcome(
                Optional.of(new Pair(
                        testClass, plain.run().orElseThrow(), imaged.run().orElseThrow())),
                Optional.empty());
    }

    private static final class ChildFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ChildFailure(String message) {
            super(message);
        }
    }

    private record Child(Optional<Run> run, Optional<String> error) {}

    /** Runs one child of {@code round}; any failure becomes the child's error. */
    private static Child child(SoundnessArchives archives, String testClass, Path round, boolean imaged) {
        try {
            return new Child(
                    Optional.of(runChild(archives, testClass, round.resolve(imaged ? "imaged" : "plain"), imaged)),
                    Optional.empty());
        } catch (ChildFailure | PkgImageException | UncheckedIOException e) {
            return new Child(Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private static Run runChild(SoundnessArchives archives, String testClass, Path dir, boolean imaged)
            throws ChildFailure {
        SoundnessSettings settings = archives.settings();
        String mode = imaged ? "imaged" : "plain";
        // identical but for the images: same JDK, class path, options, class-load log and shared classes
        Optional<LinkResult> link = imaged ? Optional.of(archives.imaged()) : archives.plain();
        List<String> options = new ArrayList<>(settings.childJvmOptions());
        link.ifPresent(l -> options.addAll(l.mapping()));
        Path loadLog = dir.resolve("class-load.log");
        options.add("-Xlog:class+load=info:file=" + loadLog.toAbsolutePath());
        ForkedJvm.Exit exit = fork(settings, options, archives.imaged().classpath(), testClass, dir);
        ClassResults read = ClassResults.read(dir.resolve(RESULTS));
        if (exit.timedOut() || exit.exitCode() != 0 || !read.complete()) {
            throw new ChildFailure("The " + mode + " JVM running " + testClass
                    + (exit.timedOut()
                            ? " did not finish within " + settings.timeout().toSeconds() + " s and was stopped ("
                                    + ImageSoundness.TIMEOUT + ", in seconds)"
                            : " terminated without properly saying goodbye (exit code " + exit.exitCode() + ")")
                    + ". Command was: " + exit.commandLine() + exit.lastOutput());
        }
        List<String> fromImages = imageClassesFromArchive(archives.imageClasses(), loadLog);
        if (imaged && fromImages.isEmpty()) {
            throw new ChildFailure("IMAGE_NOT_IN_EFFECT: the imaged JVM running " + testClass
                    + " mapped the archive but loaded no class of the package images from it (see " + loadLog
                    + "), so its result proves nothing. Are the images " + settings.images()
                    + " those of the classes under test (" + ImageSoundness.IMAGES + ")?");
        }
        if (!imaged && !fromImages.isEmpty()) {
            throw new ChildFailure("The plain JVM running " + testClass + " loaded " + fromImages.size()
                    + " classes of the package images from its archive of the shared test infrastructure (such as "
                    + fromImages.get(0) + ", see " + loadLog + "), so it was not plain and the comparison would"
                    + " prove nothing; set " + ImageSoundness.SHARED_INFRASTRUCTURE + "=false to run without it.");
        }
        return new Run(read, exit.wallMillis(), fromImages.size());
    }

    private static final String RESULTS = "results.properties";

    /** The internal name of a loaded class, or of the class that defined it if it is a lambda's hidden class. */
    private static String host(String loaded) {
        int end = loaded.indexOf("$$Lambda");
        if (end < 0) {
            end = loaded.indexOf('/'); // another hidden class: its host plus "/0x…"
        }
        return (end > 0 ? loaded.substring(0, end) : loaded).replace('.', '/');
    }

    /**
     * Runs {@code testClass} through {@link SoundnessChild} in a fresh JVM with {@code options}, its files in {@code
     * dir}: its configuration, its results ({@value #RESULTS}) and its argfile.
     */
    static ForkedJvm.Exit fork(
            SoundnessSettings settings, List<String> options, List<Path> classpath, String testClass, Path dir) {
        Path config = dir.resolve("child.properties");
        Path results = dir.resolve(RESULTS);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(results);
            Files.deleteIfExists(dir.resolve("class-load.log"));
            Properties p = new Properties();
            p.setProperty("class", testClass);
            p.setProperty("results", results.toAbsolutePath().toString());
            try (OutputStream out = Files.newOutputStream(config)) {
                p.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the child JVM's folder '" + dir + "': " + e.getMessage(), e);
        }
        List<String> args = new ArrayList<>(options);
        args.add("-cp");
        args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        args.add(SoundnessChild.class.getName());
        args.add(config.toAbsolutePath().toString());
        return ForkedJvm.run(
                settings.jdk(),
                args,
                dir.resolve("child.args"),
                Path.of(System.getProperty("user.dir")),
                Map.of(),
                settings.timeout(),
                line -> {});
    }

    /**
     * The classes of the images that the JVM loaded from its archive, by the class-load log {@code log}: a hidden
     * class counts as its host.
     */
    private static List<String> imageClassesFromArchive(Set<String> imageClasses, Path log) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(ClassLoadLog::classFromArchive)
                    .flatMap(Optional::stream)
                    .map(SoundnessRuns::host)
                    .filter(imageClasses::contains)
                    .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
