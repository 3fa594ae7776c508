package io.pkgimage.core.soundness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the two JVMs of a pair logged, with each node's children found once. */
public final class PairLogs {
    private final RunLog plain;
    private final RunLog imaged;
    private final Map<String, List<RunLog.Node>> plainChildren;
    private final Map<String, List<RunLog.Node>> imagedChildren;

    private PairLogs(RunLog plain, RunLog imaged) {
        this.plain = plain;
        this.imaged = imaged;
        this.plainChildren = plain.children();
        this.imagedChildren = imaged.children();
    }

    /** The logs of a pair: {@code plain}'s and {@code imaged}'s. */
    public static PairLogs of(RunLog plain, RunLog imaged) {
        return new PairLogs(plain, imaged);
    }

    /** The plain JVM's log. */
    public RunLog plain() {
        return plain;
    }

    /** The imaged JVM's log. */
    public RunLog imaged() {
        return imaged;
    }

    /** The nodes either JVM started under {@code parent}, plain's first; a node that both started is there twice. */
    public List<RunLog.Node> childrenOf(String parent) {
        List<RunLog.Node> all = new ArrayList<>(plainChildren.getOrDefault(parent, List.of()));
        all.addAll(imagedChildren.getOrDefault(parent, List.of()));
        return all;
    }

    /** The unique ids of the tests below {@code id} as either JVM ran them, depth first, plain's first. */
    public Set<String> testsBelow(String id) {
        Set<String> tests = new LinkedHashSet<>();
        addTestsBelow(id, tests);
        return tests;
    }

    private void addTestsBelow(String id, Set<String> tests) {
        for (RunLog.Node n : childrenOf(id)) {
            if (n.test()) {
                tests.add(n.uniqueId());
            }
            addTestsBelow(n.uniqueId(), tests);
        }
    }
}
