package io.pkgimage.junit;

import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A test or container of another engine as the soundness engine shows it: the same names, type, source and tags
 * (so that reports and tag filters treat it as the original), under the soundness engine's id, with the original's
 * id to select it in the child JVMs.
 */
final class MirrorDescriptor extends AbstractTestDescriptor {
    private final UniqueId original;
    private final Type type;
    private final Set<TestTag> tags;
    private final String legacyName;
    private final boolean mayRegisterTests;
    private final int declaredChildren;
    private final boolean isolated;

    MirrorDescriptor(
            UniqueId id,
            UniqueId original,
            String displayName,
            Optional<TestSource> source,
            Type type,
            Set<TestTag> tags,
            String legacyName,
            boolean mayRegisterTests,
            int declaredChildren,
            boolean isolated) {
        super(id, displayName, source.orElse(null));
        this.original = original;
        this.type = type;
        this.tags = Set.copyOf(tags);
        this.legacyName = legacyName;
        this.mayRegisterTests = mayRegisterTests;
        this.declaredChildren = declaredChildren;
        this.isolated = isolated;
    }

    /** The mirror of {@code d}, with the id {@code id}. */
    static MirrorDescriptor of(UniqueId id, TestDescriptor d, boolean isolated) {
        return new MirrorDescriptor(
                id,
                d.getUniqueId(),
                d.getDisplayName(),
                d.getSource(),
                d.getType(),
                d.getTags(),
                d.getLegacyReportingName(),
                d.mayRegisterTests(),
                d.getChildren().size(),
                isolated);
    }

    /** The id of the original, which the child JVMs select and report. */
    UniqueId original() {
        return original;
    }

    /** Whether some of the original's children were left out (by a filter, or by not being opted in). */
    boolean partial() {
        return getChildren().size() < declaredChildren;
    }

    /** Whether it is a test class that asked for a pair of JVMs of its own. */
    boolean isolated() {
        return isolated;
    }

    @Override
    public Type getType() {
        return type;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public String getLegacyReportingName() {
        return legacyName;
    }

    @Override
    public boolean mayRegisterTests() {
        return mayRegisterTests;
    }
}
