package io.pkgimage.junit;

import io.pkgimage.core.PkgImageException;
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
 * The package images of the test class path, linked once per test run for the extensions of this module: the
 * settings, and the link or why there is none. Kept in the root context's store, so a suite links once.
 *
 * @param settings the checked configuration, empty when it was bad
 * @param result the link
 * @param error why there is no link: a bad configuration, no image, or a failed link
 */
record LinkedImages(Optional<SoundnessSettings> settings, Optional<LinkResult> result, Optional<String> error) {
    private static final Namespace NAMESPACE = Namespace.create(LinkedImages.class);

    /** The link of this test run, made on first use. */
    static LinkedImages of(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(LinkedImages.class, k -> link(context), LinkedImages.class);
    }

    /**
     * The link, or a test failure saying why there is none.
     *
     * @throws AssertionFailedError with the reason
     */
    LinkResult require() {
        return result.orElseThrow(() -> new AssertionFailedError(error.orElseThrow()));
    }

    private static LinkedImages link(ExtensionContext context) {
        LinkedImages configured = configured(context);
        if (configured.error().isPresent()) {
            return configured;
        }
        SoundnessSettings settings = configured.settings().orElseThrow();
        try {
            return new LinkedImages(
                    Optional.of(settings),
                    Optional.of(link(settings, "tests", settings.images(), RecordedClassList.parse(List.of()))),
                    Optional.empty());
        } catch (PkgImageException | UncheckedIOException e) {
            return new LinkedImages(Optional.of(settings), Optional.empty(), Optional.of(notLinked(settings, e)));
        }
    }

    /** The checked settings with no link yet, or why the harness cannot run: a bad configuration, or no image. */
    static LinkedImages configured(ExtensionContext context) {
        SoundnessSettings settings;
        try {
            settings = SoundnessSettings.of(context);
        } catch (PkgImageException | IllegalArgumentException e) {
            return new LinkedImages(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("The soundness harness is misconfigured: " + e.getMessage()));
        }
        if (settings.images().isEmpty()) {
            return new LinkedImages(
                    Optional.of(settings),
                    Optional.empty(),
                    Optional.of("IMAGE_NOT_IN_EFFECT: no package image found for the test class path (looked next to"
                            + " its jars and in the folder above its class folders); run pkgimage:compile first or"
                            + " name the images in " + ImageSoundness.IMAGES));
        }
        return new LinkedImages(Optional.of(settings), Optional.empty(), Optional.empty());
    }

    /**
     * Links {@code images} (none for a plain JVM's archive) and {@code shared} for the test class path, as {@code
     * name}.
     *
     * @throws PkgImageException when the link fails or, since it is strict, an image cannot be read
     */
    static LinkResult link(SoundnessSettings settings, String name, List<Path> images, RecordedClassList shared) {
        return ImageLinker.link(
                new LinkRequest(
                        name,
                        settings.jdk(),
                        settings.classpath().stream().map(ClasspathEntry::test).collect(Collectors.toList()),
                        images,
                        settings.jvmOptions(),
                        true, // a corrupt or foreign image is a broken setup here, not something to leave out quietly
                        settings.workDirectory().resolve("link"),
                        settings.cacheDirectory(),
                        settings.timeout(),
                        "pkgimage-junit",
                        shared),
                Progress.silent());
    }

    /** The error of images that cannot be read or linked. */
    static String notLinked(SoundnessSettings settings, RuntimeException e) {
        return "IMAGE_NOT_IN_EFFECT: the package images " + settings.images()
                + " could not be linked for the test class path: " + e.getMessage();
    }
}
