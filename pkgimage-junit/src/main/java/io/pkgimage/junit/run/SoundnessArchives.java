package io.pkgimage.junit.run;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.image.TrainingSummary;
import io.pkgimage.core.jdk.JdkPackages;
import io.pkgimage.core.link.LinkClasspath;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.soundness.ChildJit;
import io.pkgimage.core.soundness.ImagedLayout;
import io.pkgimage.core.soundness.SharedClasses;
import io.pkgimage.junit.child.ChildConfig;
import io.pkgimage.junit.settings.ImageFiles;
import io.pkgimage.junit.settings.ImageLinks;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The class paths of the soundness JVMs of one test run and the archive the imaged one maps. The plain JVM is
 * Surefire's: the test class path as the test JVM has it, class folders and all, with the JDK's default archive. The
 * imaged JVM is a user's imaged JVM: the entries that hold the images' classes as jars, mapped from the archive of the
 * images (and, if on, of the shared test infrastructure), followed by the test class folders ({@link ImagedLayout}).
 * The archive is dumped and proven with exactly the options of the child JVMs, in the background, from the
 * discovery on ({@link #ahead}): the first plain JVM, which needs no archive, starts at once, the imaged one as soon
 * as the archive is dumped, while the link proves it ({@link #imagedMapping}).
 *
 * <p>The shared classes come from a probe: a few test classes run once more, plainly, with their loaded classes
 * recorded. What of them refers to no class of the images is archived ({@link SharedClasses}).
 */
public final class SoundnessArchives {

    /** The name of the imaged JVMs' link. */
    static final String IMAGED_LINK = "soundness-imaged";

    /** Archives whose link a discovery started, by {@link #key}, until an execution takes them. */
    private static final Map<String, SoundnessArchives> AHEAD = new ConcurrentHashMap<>();

    private final SoundnessSettings settings;
    private final List<Path> imagedClasspath;
    private final CompletableFuture<LinkResult> imaged;
    private final CompletableFuture<Optional<Path>> dumped;
    private final Set<String> imageClasses;

    private SoundnessArchives(
            SoundnessSettings settings,
            List<Path> imagedClasspath,
            CompletableFuture<LinkResult> imaged,
            CompletableFuture<Optional<Path>> dumped,
            Set<String> imageClasses) {
        this.settings = settings;
        this.imagedClasspath = List.copyOf(imagedClasspath);
        this.imaged = imaged;
        this.dumped = dumped;
        this.imageClasses = Set.copyOf(imageClasses);
    }

    /** The checked configuration. */
    public SoundnessSettings settings() {
        return settings;
    }

    /** The plain JVM's class path: the test JVM's own, as Surefire gives it. */
    List<Path> plainClasspath() {
        return settings.classpath();
    }

    /** The imaged JVM's class path: the archive's jars, then the test class folders. */
    List<Path> imagedClasspath() {
        return imagedClasspath;
    }

    /** Internal names of the images' classes, for the proofs. */
    Set<String> imageClasses() {
        return imageClasses;
    }

    /**
     * The imaged JVM's archive, once it is linked.
     *
     * @throws AssertionFailedError why there is none, with the cause
     */
    LinkResult imaged() {
        try {
            return imaged.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionFailedError failure) {
                throw failure;
            }
            throw new AssertionFailedError("Linking the soundness archives failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The options that map the imaged JVM's archive: as soon as the JDK has dumped it, while the link proves it, else
     * once it is linked (from the cache, say). What a JVM started on a dumped archive did counts only once {@link
     * #imaged} returns: the link proved the same bytes then.
     *
     * @throws AssertionFailedError why there is no archive, with the cause
     */
    List<String> imagedMapping() {
        CompletableFuture.anyOf(dumped, imaged).exceptionally(e -> null).join();
        Optional<Path> early = dumped.getNow(Optional.empty());
        return early.isPresent() ? LinkResult.mapping(early.get()) : imaged().mapping();
    }

    /** Whether the imaged JVM's archive is linked and proven. */
    boolean linked() {
        return imaged.isDone() && !imaged.isCompletedExceptionally();
    }

    /**
     * Starts linking the imaged JVMs' archive while the launcher still discovers the tests, for the execution that
     * follows with the same settings ({@link #of}). Nothing when the test infrastructure is shared (its probe runs test
     * classes, which are not known yet) or an image cannot be read (the execution reports that).
     */
    public static void ahead(SoundnessSettings settings) {
        if (settings.sharedInfrastructure()) {
            return;
        }
        AHEAD.computeIfAbsent(key(settings), k -> {
            try {
                return make(settings, null);
            } catch (AssertionFailedError e) {
                return null;
            }
        });
    }

    /**
     * The archives of a run with {@code settings}: those a discovery started ({@link #ahead}), else made now ({@link
     * #make}), with {@code probe} for the shared test infrastructure.
     *
     * @throws AssertionFailedError when an image cannot be read, with the cause
     */
    public static SoundnessArchives of(SoundnessSettings settings, Supplier<ChildConfig> probe) {
        SoundnessArchives started = AHEAD.remove(key(settings));
        return started != null ? started : make(settings, settings.sharedInfrastructure() ? probe.get() : null);
    }

    /** What an early link is found by: the settings, and the size and time of every image file. */
    private static String key(SoundnessSettings settings) {
        StringBuilder key = new StringBuilder(settings.toString());
        for (Path image : settings.images()) {
            key.append('\n').append(image).append(' ');
            try {
                key.append(Files.size(image)).append(' ').append(Files.getLastModifiedTime(image));
            } catch (IOException e) {
                key.append("unreadable");
            }
        }
        return key.toString();
    }

    /**
     * Reads the images, chooses the children's JIT by the module's own image ({@link ChildJit}), lays out the imaged
     * JVM's class path and starts linking its archive, probing with {@code probe} (a few small test classes) when the
     * test infrastructure is shared.
     *
     * @throws AssertionFailedError when an image cannot be read, with the cause
     */
    private static SoundnessArchives make(SoundnessSettings configured, ChildConfig probe) {
        List<PackageImage> images = new ArrayList<>();
        ImagedLayout layout;
        List<Path> linked;
        Set<String> imageClasses = new HashSet<>();
        SoundnessSettings settings;
        try {
            List<TrainingSummary> ownTests = new ArrayList<>();
            for (Path file : configured.images()) {
                PackageImage image = ImageCodec.read(file);
                images.add(image);
                if (ImageFiles.own(file, configured.classpath())) {
                    // trained on the suite that is judged
                    image.parts().values().forEach(part -> ownTests.add(part.summary()));
                }
            }
            settings = configured.withChildOptions(
                    ChildJit.options(configured.childJvmOptions(), ChildJit.suiteMillis(ownTests)));
            images.forEach(image -> imageClasses.addAll(image.classNames()));
            layout = ImagedLayout.of(
                    settings.classpath(),
                    folder -> ClasspathIndex.classes(folder, settings.jdk().feature()).keySet().stream()
                            .anyMatch(imageClasses::contains),
                    settings.workDirectory().resolve("layout"));
            linked = LinkClasspath.of(ImageLinks.request(
                    settings,
                    IMAGED_LINK,
                    layout.archived(),
                    List.of(),
                    RecordedClassList.parse(List.of()),
                    List.of()));
        } catch (PkgImageException | UncheckedIOException e) {
            throw ImageLinks.notLinked(configured, e);
        }
        CompletableFuture<RecordedClassList> shared = settings.sharedInfrastructure()
                ? background(() -> probe(settings, probe, images))
                : CompletableFuture.completedFuture(RecordedClassList.parse(List.of()));
        CompletableFuture<Optional<Path>> dumped = new CompletableFuture<>();
        return new SoundnessArchives(
                settings,
                layout.classpath(linked),
                shared.thenApplyAsync(s -> link(settings, layout.archived(), s, dumped), SoundnessArchives::daemon),
                dumped,
                imageClasses);
    }

    private static LinkResult link(
            SoundnessSettings settings,
            List<Path> classpath,
            RecordedClassList shared,
            CompletableFuture<Optional<Path>> dumped) {
        try {
            return ImageLinks.link(
                    ImageLinks.request(
                            settings, IMAGED_LINK, classpath, settings.images(), shared, settings.childJvmOptions()),
                    archive -> dumped.complete(early(settings, archive)));
        } catch (PkgImageException | UncheckedIOException e) {
            throw ImageLinks.notLinked(settings, e);
        } finally {
            dumped.complete(Optional.empty()); // none dumped: from the cache or the last link
        }
    }

    /**
     * A hard link to the archive that the dump wrote, for the imaged JVM to start on while the link proves it (the
     * link moves or removes its scratch folder later), under the name the linked archive has, which a JVM's
     * arguments show; none where the file system has no hard links.
     */
    private static Optional<Path> early(SoundnessSettings settings, Path archive) {
        Path early = settings.workDirectory().resolve("link").resolve("dumped").resolve(IMAGED_LINK + ".jsa");
        try {
            Files.createDirectories(early.getParent());
            Files.deleteIfExists(early);
            return Optional.of(Files.createLink(early, archive));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static <T> CompletableFuture<T> background(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, SoundnessArchives::daemon);
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "pkgimage-soundness-link");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs {@code probe} plainly with its loaded classes recorded, and keeps those that both JVMs may share. A probe
     * that fails shares nothing: the classes' own runs then show what is wrong with them.
     */
    private static RecordedClassList probe(SoundnessSettings settings, ChildConfig probe, List<PackageImage> images) {
        Path dir = settings.workDirectory().resolve("probe");
        Path classlist = dir.resolve("classlist.txt");
        List<String> options = new ArrayList<>(settings.childJvmOptions());
        options.add("-XX:DumpLoadedClassList=" + classlist.toAbsolutePath());
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(classlist);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the probe's folder '" + dir + "': " + e.getMessage(), e);
        }
        ForkedJvm.Exit exit = PairRuns.fork(settings, options, settings.classpath(), probe, dir);
        if (exit.exitCode() != 0 || exit.timedOut() || !Files.isRegularFile(classlist)) {
            return RecordedClassList.parse(List.of());
        }
        List<ClasspathEntry> entries =
                settings.classpath().stream().map(ClasspathEntry::test).collect(Collectors.toList());
        try (ClasspathIndex index = ClasspathIndex.of(entries, settings.jdk().feature())) {
            return SharedClasses.of(
                    RecordedClassList.read(classlist),
                    index,
                    images,
                    name -> JdkPackages.hasClass(settings.jdk(), name));
        }
    }
}
