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
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The archives that the soundness JVMs of one test run map: the imaged JVM's holds the images and the shared test
 * infrastructure, the plain JVM's the shared test infrastructure alone (or there is none, and the plain JVM runs with
 * the JDK's default archive). Made once per test run and kept in the root context's store.
 *
 * <p>The shared classes come from a probe: the first class judged runs once more, plainly, with its loaded classes
 * recorded. What of them names no package of the images is archived in both ({@link SharedClasses}).
 *
 * @param settings the checked configuration
 * @param imaged the imaged JVM's archive
 * @param plain the plain JVM's archive, if the test infrastructure is shared
 * @param imageClasses internal names of the images' classes, for the proofs
 */
record SoundnessArchives(
        SoundnessSettings settings, LinkResult imaged, Optional<LinkResult> plain, Set<String> imageClasses) {
    private static final Namespace NAMESPACE = Namespace.create(SoundnessArchives.class);

    /** The archives, or why there are none. */
    record Made(Optional<SoundnessArchives> archives, Optional<String> error) {}

    /** The archives of this test run, made on first use with a probe of {@code context}'s class. */
    static Made of(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(SoundnessArchives.class, k -> make(context), Made.class);
    }

    private static Made make(ExtensionContext context) {
        LinkedImages configured = LinkedImages.configured(context);
        if (configured.error().isPresent()) {
            return new Made(Optional.empty(), configured.error());
        }
        SoundnessSettings settings = configured.settings().orElseThrow();
        List<PackageImage> images = new ArrayList<>();
        LinkResult imaged;
        RecordedClassList shared;
        try {
            for (Path file : settings.images()) {
                images.add(ImageCodec.read(file));
            }
            shared = settings.sharedInfrastructure()
                    ? probe(settings, context.getRequiredTestClass().getName(), images)
                    : RecordedClassList.parse(List.of());
            imaged = LinkedImages.link(settings, "tests", settings.images(), shared);
        } catch (PkgImageException | UncheckedIOException e) {
            return new Made(Optional.empty(), Optional.of(LinkedImages.notLinked(settings, e)));
        }
        Optional<LinkResult> plain = Optional.empty();
        if (!shared.classes().isEmpty()) {
            try {
                plain = Optional.of(LinkedImages.link(settings, "tests-plain", List.of(), shared));
            } catch (PkgImageException | UncheckedIOException e) {
                return new Made(
                        Optional.empty(),
                        Optional.of("The plain JVM's archive of the shared test infrastructure could not be linked: "
                                + e.getMessage() + " (" + ImageSoundness.SHARED_INFRASTRUCTURE
                                + "=false runs without it)"));
            }
        }
        Set<String> imageClasses = new HashSet<>();
        images.forEach(image -> imageClasses.addAll(image.classNames()));
        return new Made(
                Optional.of(new SoundnessArchives(settings, imaged, plain, Set.copyOf(imageClasses))),
                Optional.empty());
    }

    /**
     * Runs {@code testClass} plainly with its loaded classes recorded, and keeps those that both JVMs may share. A
     * probe that fails shares nothing: the class's own runs then show what is wrong with it.
     */
    private static RecordedClassList probe(SoundnessSettings settings, String testClass, List<PackageImage> images) {
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
        ForkedJvm.Exit exit = SoundnessRuns.fork(settings, options, settings.classpath(), testClass, dir);
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
