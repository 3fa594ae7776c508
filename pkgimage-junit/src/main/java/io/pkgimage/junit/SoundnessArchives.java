package io.pkgimage.junit;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.jdk.JdkPackages;
import io.pkgimage.core.link.LinkClasspath;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.soundness.SharedClasses;
import io.pkgimage.junit.child.ChildConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The archives that the soundness JVMs of one test run map: the imaged JVM's holds the images (and the shared test
 * infrastructure, if on), the plain JVM's the shared test infrastructure alone, or there is none and the plain JVM
 * runs with the JDK's default archive. Both are dumped and proven with exactly the options of the child JVMs, in the
 * background: a JVM that needs no archive (the first plain one) starts at once on the link's class path.
 *
 * <p>The shared classes come from a probe: a few test classes run once more, plainly, with their loaded classes
 * recorded. What of them refers to no class of the images is archived in both ({@link SharedClasses}).
 */
final class SoundnessArchives {

    /** The name of the imaged JVMs' link. */
    static final String IMAGED_LINK = "soundness-imaged";
    /** The name of the plain JVMs' link. */
    static final String PLAIN_LINK = "soundness-plain";

    private final SoundnessSettings settings;
    private final List<Path> classpath;
    private final CompletableFuture<LinkResult> imaged;
    private final Optional<CompletableFuture<LinkResult>> plain;
    private final Set<String> imageClasses;

    private SoundnessArchives(
            SoundnessSettings settings,
            List<Path> classpath,
            CompletableFuture<LinkResult> imaged,
            Optional<CompletableFuture<LinkResult>> plain,
            Set<String> imageClasses) {
        this.settings = settings;
        this.classpath = List.copyOf(classpath);
        this.imaged = imaged;
        this.plain = plain;
        this.imageClasses = Set.copyOf(imageClasses);
    }

    /** The checked configuration. */
    SoundnessSettings settings() {
        return settings;
    }

    /** The class path that both archives hold for: the test class path with its folders as jars. */
    List<Path> classpath() {
        return classpath;
    }

    /** Whether the plain JVM maps an archive of the shared test infrastructure. */
    boolean sharesInfrastructure() {
        return plain.isPresent();
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
        return join(imaged);
    }

    /**
     * The plain JVM's archive, once it is linked, if the test infrastructure is shared.
     *
     * @throws AssertionFailedError why there is none, with the cause
     */
    Optional<LinkResult> plain() {
        return plain.map(SoundnessArchives::join);
    }

    private static LinkResult join(CompletableFuture<LinkResult> link) {
        try {
            return link.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionFailedError failure) {
                throw failure;
            }
            throw new AssertionFailedError("Linking the soundness archives failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Reads the images and starts linking the archives, probing with {@code probe} (a few small test classes) when the
     * test infrastructure is shared.
     *
     * @throws AssertionFailedError when an image cannot be read, with the cause
     */
    static SoundnessArchives make(SoundnessSettings settings, ChildConfig probe) {
        List<PackageImage> images = new ArrayList<>();
        List<Path> classpath;
        try {
            for (Path file : settings.images()) {
                images.add(ImageCodec.read(file));
            }
            classpath = LinkClasspath.of(ImageLinks.request(
                    settings, IMAGED_LINK, List.of(), RecordedClassList.parse(List.of()), List.of()));
        } catch (PkgImageException | UncheckedIOException e) {
            throw ImageLinks.notLinked(settings, e);
        }
        Set<String> imageClasses = new HashSet<>();
        images.forEach(image -> imageClasses.addAll(image.classNames()));
        if (!settings.sharedInfrastructure()) {
            return new SoundnessArchives(
                    settings,
                    classpath,
                    background(
                            () -> link(settings, IMAGED_LINK, settings.images(), RecordedClassList.parse(List.of()))),
                    Optional.empty(),
                    imageClasses);
        }
        CompletableFuture<RecordedClassList> shared = background(() -> probe(settings, probe, images));
        return new SoundnessArchives(
                settings,
                classpath,
                shared.thenApplyAsync(
                        s -> link(settings, IMAGED_LINK, settings.images(), s), SoundnessArchives::daemon),
                Optional.of(shared.thenApplyAsync(
                        s -> {
                            try {
                                return ImageLinks.link(settings, PLAIN_LINK, List.of(), s, settings.childJvmOptions());
                            } catch (PkgImageException | UncheckedIOException e) {
                                throw new AssertionFailedError(
                                        "The plain JVM's archive of the shared test infrastructure could not be"
                                                + " linked: " + e.getMessage() + " ("
                                                + ImageSoundness.SHARED_INFRASTRUCTURE
                                                + "=false runs without it)",
                                        e);
                            }
                        },
                        SoundnessArchives::daemon)),
                imageClasses);
    }

    private static LinkResult link(
            SoundnessSettings settings, String name, List<Path> images, RecordedClassList shared) {
        try {
            return ImageLinks.link(settings, name, images, shared, settings.childJvmOptions());
        } catch (PkgImageException | UncheckedIOException e) {
            throw ImageLinks.notLinked(settings, e);
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
