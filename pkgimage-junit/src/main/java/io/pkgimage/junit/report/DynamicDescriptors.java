package io.pkgimage.junit.report;

import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The mirrors of what the engines registered in a child JVM while it ran (dynamic tests, invocations of templates), as
 * its log tells them, to register with the launcher.
 */
final class DynamicDescriptors {
    private static final Pattern METHOD = Pattern.compile("method:([^#]+)#([^(]+)\\((.*)\\)");

    private DynamicDescriptors() {}

    /** The mirror of the node {@code n} of a child's log, under {@code parent}. */
    static MirrorDescriptor of(MirrorDescriptor parent, RunLog.Node n) {
        UniqueId original = UniqueId.parse(n.uniqueId());
        List<UniqueId.Segment> segments = original.getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        return new MirrorDescriptor(
                parent.getUniqueId().append(last.getType(), last.getValue()),
                original,
                n.displayName(),
                source(n.source()),
                TestDescriptor.Type.valueOf(n.kind()),
                Set.of(),
                n.legacyName(),
                n.kind().startsWith("CONTAINER"),
                0,
                false);
    }

    /** The source that the child wrote as {@code class:<name>} or {@code method:<class>#<method>(<types>)}. */
    private static Optional<TestSource> source(String source) {
        try {
            if (source.startsWith("class:")) {
                return Optional.of(ClassSource.from(source.substring("class:".length())));
            }
            Matcher m = METHOD.matcher(source);
            if (m.matches()) {
                return Optional.of(MethodSource.from(m.group(1), m.group(2), m.group(3)));
            }
        } catch (RuntimeException e) {
            // no source then
        }
        return Optional.empty();
    }
}
