package io.pkgimage.junit;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.PkgImageVersion;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.link.ImageLinker;
import io.pkgimage.core.link.LinkRequest;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.training.Progress;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.opentest4j.AssertionFailedError;

/**
 * The package images of the test class path linked once per test run for {@link FirstCallLatency}: the settings, and
 * the link or why there is none. Kept in the root context's store, so a suite links once. Also the one place that
 * links for this module ({@link #link}).
 *
 * @param settings the checked configuration, empty when it was bad
 * @param result the link
 * @param error why there is no link: a bad configuration, no image, or a failed link
 */
record LinkedImages(
        Optional<SoundnessSettings> settings, Optional<LinkResult> result, Optional<AssertionFailedError> error) {
    private static final Namespace NAMESPACE = Namespace.create(LinkedImages.class);

    /** The name of the latency test's link. */
    static final String LATENCY_LINK = "first-call-latency";

    /** The link of this test run, made on first use. */
    static LinkedImages of(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(LinkedImages.class, k -> link(context), LinkedImages.class);
    }

    /**
     * The link, or a test failure saying why there is none.
     *
     * @throws AssertionFailedError with the reason and its cause
     */
    LinkResult require() {
        return result.orElseThrow(error::orElseThrow);
    }

    private static LinkedImages link(ExtensionContext context) {
        SoundnessSettings settings;
        try {
            settings = configured(context::getConfigurationParameter);
        } catch (AssertionFailedError e) {
            return new LinkedImages(Optional.empty(), Optional.empty(), Optional.of(e));
        }
        try {
            return new LinkedImages(
                    Optional.of(settings),
                    Optional.of(link(
                            settings,
                            LATENCY_LINK,
                            settings.images(),
                            RecordedClassList.parse(List.of()),
                            settings.jvmOptions())),
                    Optional.empty());
        } catch (PkgImageException | UncheckedIOException e) {
            return new LinkedImages(Optional.of(settings), Optional.empty(), Optional.of(notLinked(settings, e)));
        }
    }

    /**
     * The checked settings, which name at least one image.
     *
     * @throws AssertionFailedError when the configuration is bad or there is no image, saying why
     */
    static SoundnessSettings configured(java.util.function.Function<String, Optional<String>> parameter) {
        SoundnessSettings settings;
        try {
            settings = SoundnessSettings.of(parameter);
        } catch (PkgImageException | IllegalArgumentException e) {
            throw new AssertionFailedError("The soundness harness is misconfigured: " + e.getMessage(), e);
        }
        if (settings.images().isEmpty()) {
            throw new AssertionFailedError("IMAGE_NOT_IN_EFFECT: no package image found for the test class path"
                    + " (looked next to its jars and in the folder above its class folders); run pkgimage:compile"
                    + " first or name the images in " + ImageSoundness.IMAGES);
        }
        return settings;
    }

    /**
     * Links {@code images} (none for a plain JVM's archive) and {@code shared} for the test class path, as {@code
     * name}, dumped and proven with {@code options}: exactly those of the JVMs that will map it.
     *
     * @throws PkgImageException when the link fails or, since it is strict, an image cannot be read
     */
    static LinkResult link(
            SoundnessSettings settings,
            String name,
            List<Path> images,
            RecordedClassList shared,
            List<String> options) {
        return ImageLinker.link(
                new LinkRequest(
                        name,
                        settings.jdk(),
                        settings.classpath().stream().map(ClasspathEntry::test).collect(Collectors.toList()),
                        images,
                        options,
                        true, // a corrupt or foreign image is a broken setup here, not something to leave out quietly
                        settings.workDirectory().resolve("link"),
                        settings.cacheDirectory(),
                        settings.timeout(),
                        PkgImageVersion.forKeys(),
                        shared),
                Progress.silent());
    }

    /** The failure of images that cannot be read or linked, with its cause. */
    static AssertionFailedError notLinked(SoundnessSettings settings, RuntimeException e) {
        return new AssertionFailedError(
                "IMAGE_NOT_IN_EFFECT: the package images " + settings.images()
                        + " could not be linked for the test class path: " + e.getMessage(),
                e);
    }
}
