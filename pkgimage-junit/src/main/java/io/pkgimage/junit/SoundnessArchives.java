package io.pkgimage.junit;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.jdk.JdkPackages;
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
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The archives that the soundness JVMs of one test run map: the imaged JVM's holds the images and the shared test
 * infrastructure, the plain JVM's the shared test infrastructure alone (or there is none, and the plain JVM runs with
 * the JDK's default archive). Both are dumped and proven with exactly the options of the child JVMs.
 *
 * <p>The shared classes come from a probe: a few test classes run once more, plainly, with their loaded classes
 * recorded. What of them refers to no class of the images is archived in both ({@link SharedClasses}).
 *
 * @param settings the checked configuration
 * @param imaged the imaged JVM's archive
 * @param plain the plain JVM's archive, if the test infrastructure is shared
 * @param imageClasses internal names of the images' classes, for the proofs
 */
record SoundnessArchives(
        SoundnessSettings settings, LinkResult imaged, Optional<LinkResult> plain, Set<String> imageClasses) {

    /** The name of the imaged JVMs' link. */
    static final String IMAGED_LINK = "soundness-imaged";
    /** The name of the plain JVMs' link. */
    static final String PLAIN_LINK = "soundness-plain";

    /**
     * Links the archives, probing with {@code probe} (the unique ids of a few small test classes).
     *
     * @throws AssertionFailedError why there are none, with the cause
     */
    static SoundnessArchives make(SoundnessSettings settings, ChildConfig probe) {
        List<PackageImage> images = new ArrayList<>();
        LinkResult imaged;
        RecordedClassList shared;
        try {
            for (Path file : settings.images()) {
                images.add(ImageCodec.read(file));
            }
            shared = settings.sharedInfrastructure()
                    ? probe(settings, probe, images)
                    : RecordedClassList.parse(List.of());
            imaged = LinkedImages.link(settings, IMAGED_LINK, settings.images(), shared, settings.childJvmOptions());
        } catch (PkgImageException | UncheckedIOException e) {
            throw LinkedImages.notLinked(settings, e);
        }
        Optional<LinkResult> plain = Optional.empty();
        if (!shared.classes().isEmpty()) {
            try {
                plain = Optional.of(
                        LinkedImages.link(settings, PLAIN_LINK, List.of(), shared, settings.childJvmOptions()));
            } catch (PkgImageException | UncheckedIOException e) {
                throw new AssertionFailedError(
                        "The plain JVM's archive of the shared test infrastructure could not be linked: "
                                + e.getMessage() + " (" + ImageSoundness.SHARED_INFRASTRUCTURE
                                + "=false runs without it)",
                        e);
            }
        }
        Set<String> imageClasses = new HashSet<>();
        images.forEach(image -> imageClasses.addAll(image.classNames()));
        return new SoundnessArchives(settings, imaged, plain, Set.copyOf(imageClasses));
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
                    name -> JdkPackages.contains(settings.jdk(), name));
        }
    }
}
