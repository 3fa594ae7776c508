package io.pkgimage.junit;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.junit.settings.ImageLinks;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.opentest4j.AssertionFailedError;

/**
 * The package images of the test class path linked once per test run for {@link FirstCallLatency}: the settings, and
 * the link or why there is none. Kept in the root context's store, so a suite links once.
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
            settings = ImageLinks.configured(context::getConfigurationParameter);
        } catch (AssertionFailedError e) {
            return new LinkedImages(Optional.empty(), Optional.empty(), Optional.of(e));
        }
        try {
            return new LinkedImages(
                    Optional.of(settings),
                    Optional.of(ImageLinks.link(ImageLinks.request(
                            settings,
                            LATENCY_LINK,
                            settings.classpath(),
                            settings.images(),
                            RecordedClassList.parse(List.of()),
                            settings.jvmOptions()))),
                    Optional.empty());
        } catch (PkgImageException | UncheckedIOException e) {
            return new LinkedImages(
                    Optional.of(settings), Optional.empty(), Optional.of(ImageLinks.notLinked(settings, e)));
        }
    }
}
