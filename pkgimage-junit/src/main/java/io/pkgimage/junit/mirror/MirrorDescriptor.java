package io.pkgimage.junit.mirror;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * A test or container of another engine as the soundness engine shows it: the same names, type, source and tags
 * (so that reports and tag filters treat it as the original), under the soundness engine's id, with the original's
 * id to select it in the child JVMs.
 */
public final class MirrorDescriptor extends AbstractTestDescriptor {
    private final UniqueId original;
    private final Type type;
    private final Set<TestTag> tags;
    private final String legacyName;
    private final boolean mayRegisterTests;
    private final int declaredChildren;
    private final boolean isolated;

    /**
     * A mirror of the original with the id {@code original}, shown under the id {@code id}.
     *
     * @param mayRegisterTests whether the original may register tests while it runs
     * @param declaredChildren how many children the original has
     * @param isolated whether it is a test class that asked for a pair of JVMs of its own
     */
    public MirrorDescriptor(
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
    public static MirrorDescriptor of(UniqueId id, TestDescriptor d, boolean isolated) {
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
    public UniqueId original() {
        return original;
    }

    /** Whether some of the original's children were left out (by a filter, or by not being opted in). */
    public boolean partial() {
        return getChildren().size() < declaredChildren;
    }

    /** Whether it is a test class that asked for a pair of JVMs of its own. */
    public boolean isolated() {
        return isolated;
    }

    /** The class name of its source, else (a container without a class) its display name. */
    public String className() {
        return getSource()
                .filter(ClassSource.class::isInstance)
                .map(s -> ((ClassSource) s).getClassName())
                .orElse(getDisplayName());
    }

    /** How many tests it holds, itself included. */
    public int testCount() {
        return testCount(this);
    }

    private static int testCount(TestDescriptor d) {
        return (d.isTest() ? 1 : 0)
                + d.getChildren().stream().mapToInt(MirrorDescriptor::testCount).sum();
    }

    /** The unique ids of the originals of the tests it holds, itself included, depth first. */
    public Set<String> tests() {
        Set<String> tests = new LinkedHashSet<>();
        addTests(this, tests);
        return Collections.unmodifiableSet(tests);
    }

    private static void addTests(TestDescriptor d, Set<String> tests) {
        if (d.isTest()) {
            tests.add(((MirrorDescriptor) d).original().toString());
        }
        d.getChildren().forEach(c -> addTests(c, tests));
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
