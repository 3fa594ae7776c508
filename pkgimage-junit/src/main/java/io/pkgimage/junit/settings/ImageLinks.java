package io.pkgimage.junit.settings;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.Progress;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.link.ImageLinker;
import io.pkgimage.core.link.LinkCache;
import io.pkgimage.core.link.LinkRequest;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.link.MapFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The one place this module reads its configuration into settings and links images, for the soundness engine (which
 * may run without Jupiter) and the Jupiter extensions alike.
 */
public final class ImageLinks {
    private ImageLinks() {}

    /**
     * The checked settings, which name at least one image.
     *
     * @throws AssertionFailedError when the configuration is bad or there is no image, saying why, with the cause
     */
    public static SoundnessSettings configured(Function<String, Optional<String>> parameter) {
        SoundnessSettings settings;
        try {
            settings = SoundnessSettings.of(parameter);
        } catch (PkgImageException | IllegalArgumentException e) {
            throw new AssertionFailedError("The soundness harness is misconfigured: " + e.getMessage(), e);
        }
        if (settings.images().isEmpty()) {
            throw new AssertionFailedError("IMAGE_NOT_IN_EFFECT: no package image found for the test class path"
                    + " (looked next to its jars and in the folder above its class folders); run pkgimage:compile"
                    + " first or name the images in " + SoundnessParameters.IMAGES);
        }
        return settings;
    }

    /**
     * Links as {@code request} says, silently.
     *
     * @throws PkgImageException when the link fails or, since it is strict, an image cannot be read
     */
    public static LinkResult link(LinkRequest request) {
        return ImageLinker.link(request, Progress.silent());
    }

    /**
     * Links as {@code request} says, silently, handing {@code dumped} the archive as soon as it is dumped, before its
     * proof ({@link ImageLinker#link(LinkRequest, Progress, Consumer)}).
     *
     * @throws PkgImageException when the link fails or, since it is strict, an image cannot be read
     */
    public static LinkResult link(LinkRequest request, Consumer<Path> dumped) {
        return ImageLinker.link(request, Progress.silent(), dumped);
    }

    /**
     * The request to link {@code images} and {@code shared} for {@code classpath} (the entries the archive is dumped
     * with), as {@code name}, dumped and proven with {@code options}: exactly those of the JVMs that will map it. The
     * cache key holds pkgimage's version, so an archive of another version is never reused.
     */
    public static LinkRequest request(
            SoundnessSettings settings,
            String name,
            List<Path> classpath,
            List<Path> images,
            RecordedClassList shared,
            List<String> options) {
        return LinkRequest.builder(
                        name, settings.jdk(), settings.workDirectory().resolve("link"))
                .classpath(classpath.stream().map(ClasspathEntry::test).collect(Collectors.toList()))
                .images(images)
                .jvmOptions(options)
                .strict(true) // a corrupt or foreign image is a broken setup here, not something to leave out quietly
                .cache(LinkCache.at(settings.cacheDirectory()))
                .timeout(settings.timeout())
                .shared(shared)
                .onMapFailure(MapFailure.FAIL)
                .build();
    }

    /** The failure of images that cannot be read or linked, with its cause. */
    public static AssertionFailedError notLinked(SoundnessSettings settings, RuntimeException e) {
        return new AssertionFailedError(
                "IMAGE_NOT_IN_EFFECT: the package images " + settings.images()
                        + " could not be linked for the test class path: " + e.getMessage(),
                e);
    }
}
