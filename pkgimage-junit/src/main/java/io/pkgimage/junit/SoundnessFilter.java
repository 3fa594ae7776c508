package io.pkgimage.junit;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Takes the tests that the soundness engine judges out of their own engines' trees, so that they do not also run in
 * the test JVM. Registered through {@link java.util.ServiceLoader}; the engine tells it, at each discovery, which
 * tests it took over (the launcher discovers every engine before it applies these filters).
 *
 * <p>Public only for {@link java.util.ServiceLoader}.
 */
public final class SoundnessFilter implements PostDiscoveryFilter {
    private static final AtomicReference<Set<UniqueId>> TAKEN_OVER = new AtomicReference<>(Set.of());

    /** For {@link java.util.ServiceLoader}. */
    public SoundnessFilter() {}

    /** What the latest discovery of the soundness engine took over. */
    static void takeOver(Set<UniqueId> ids) {
        TAKEN_OVER.set(Set.copyOf(ids));
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!TAKEN_OVER.get().contains(descriptor.getUniqueId())) {
            return FilterResult.included("not judged by pkgimage");
        }
        // the launcher removes only descriptors without children, and keeps containers that may register tests at
        // run time (a JUnit 4 runner, a test factory) even once empty: such a container would run in the test JVM too
        for (TestDescriptor child : Set.copyOf(descriptor.getChildren())) {
            child.removeFromHierarchy();
        }
        return FilterResult.excluded("judged plain vs imaged by pkgimage-soundness");
    }
}
