package io.pkgimage.junit;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.JdkPackages;
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

    /** What one child JVM gave: its results, how long it ran, and the classes of the images it mapped. */
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
        LinkedImages linked = LinkedImages.of(context);
        if (linked.error().isPresent()) {
            return new Outcome(Optional.empty(), linked.error());
        }
        SoundnessSettings settings = linked.settings().orElseThrow();
        LinkResult link = linked.result().orElseThrow();
        String testClass = context.getRequiredTestClass().getName();
        Path dir = settings.workDirectory().resolve("runs").resolve(testClass).resolve("round-" + round);
        // the two JVMs are independent: side by side they take the time of the slower one on a machine with 2 cores
        CompletableFuture<Child> imagedChild = settings.concurrent()
                ? CompletableFuture.supplyAsync(() -> child(settings, link, testClass, dir, true), r -> {
                    Thread t = new Thread(r, "pkgimage-imaged-jvm");
                    t.setDaemon(true);
                    t.start();
                })
                : null;
        Child plain = child(settings, link, testClass, dir, false);
        Child imaged = imagedChild != null ? imagedChild.join() : child(settings, link, testClass, dir, true);
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
    private static Child child(
            SoundnessSettings settings, LinkResult link, String testClass, Path round, boolean imaged) {
        try {
            return new Child(
                    Optional.of(
                            runChild(settings, link, testClass, round.resolve(imaged ? "imaged" : "plain"), imaged)),
                    Optional.empty());
        } catch (ChildFailure | PkgImageException | UncheckedIOException e) {
            return new Child(Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private static Run runChild(SoundnessSettings settings, LinkResult link, String testClass, Path dir, boolean imaged)
            throws ChildFailure {
        Path config = dir.resolve("child.properties");
        Path results = dir.resolve("results.properties");
        Path loadLog = dir.resolve("class-load.log");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(results);
            Files.deleteIfExists(loadLog);
            Properties p = new Properties();
            p.setProperty("class", testClass);
            p.setProperty("results", results.toAbsolutePath().toString());
            try (OutputStream out = Files.newOutputStream(config)) {
                p.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the child JVM's folder '" + dir + "': " + e.getMessage(), e);
        }
        // identical but for the image: same JDK, class path, options and class-load log
        List<String> args = new ArrayList<>(
                imaged ? LinkedImages.mapped(settings.jvmOptions(), link.archive()) : settings.jvmOptions());
        args.add("-Xlog:class+load=info:file=" + loadLog.toAbsolutePath());
        args.add("-cp");
        args.add(link.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        args.add(SoundnessChild.class.getName());
        args.add(config.toAbsolutePath().toString());
        String mode = imaged ? "imaged" : "plain";
        ForkedJvm.Exit exit = ForkedJvm.run(
                settings.jdk(),
                args,
                dir.resolve("child.args"),
                Path.of(System.getProperty("user.dir")),
                Map.of(),
                settings.timeout(),
                line -> {});
        ClassResults read = ClassResults.read(results);
        if (exit.timedOut() || exit.exitCode() != 0 || !read.complete()) {
            throw new ChildFailure("The " + mode + " JVM running " + testClass
                    + (exit.timedOut()
                            ? " did not finish within " + settings.timeout().toSeconds() + " s and was stopped ("
                                    + ImageSoundness.TIMEOUT + ", in seconds)"
                            : " terminated without properly saying goodbye (exit code " + exit.exitCode() + ")")
                    + ". Command was: " + exit.commandLine() + exit.lastOutput());
        }
        long fromArchive = imaged ? imageClassesFromArchive(settings.jdk(), loadLog) : 0;
        if (imaged && fromArchive == 0) {
            throw new ChildFailure("IMAGE_NOT_IN_EFFECT: the imaged JVM running " + testClass
                    + " mapped the archive but loaded no class of the package images from it (see " + loadLog
                    + "), so its result proves nothing. Are the images " + settings.images()
                    + " those of the classes under test (" + ImageSoundness.IMAGES + ")?");
        }
        return new Run(read, exit.wallMillis(), fromArchive);
    }

    /**
     * Classes loaded from the archive that are not the JDK's: only images put such classes there, since the test
     * classes, test-only dependencies and the harness are never part of an image.
     */
    private static long imageClassesFromArchive(Jdk jdk, Path log) {
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(ClassLoadLog::classFromArchive)
                    .flatMap(Optional::stream)
                    // a hidden class is named after its host plus "/0x…"
                    .map(name ->
                            (name.indexOf('/') > 0 ? name.substring(0, name.indexOf('/')) : name).replace('.', '/'))
                    .filter(name -> !JdkPackages.contains(jdk, name))
                    .count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
