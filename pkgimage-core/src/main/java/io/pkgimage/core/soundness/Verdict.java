package io.pkgimage.core.soundness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a test's plain and imaged runs compare.
 *
 * @param kind the classification
 * @param detail a readable explanation: the plain failure, or the differences side by side
 */
public record Verdict(Kind kind, String detail) {
    /** The classifications. */
    public enum Kind {
        /** Same result plain and imaged. */
        SOUND,
        /** Different results plain and imaged, the same difference again when the test ran alone in a fresh pair. */
        IMAGE_DIVERGENCE,
        /** Different results plain and imaged, but another difference when the test ran alone: it is flaky. */
        FLAKY,
        /**
         * Different results plain and imaged in its batch, the same result when the test ran alone in a fresh pair:
         * its result depends on what ran before it in the JVM, not on the image.
         */
        ORDER_DEPENDENT,
        /** The test fails without the image too: it says nothing about the image. */
        UNSOUND_TEST,
        /** The test did not run in one of the JVMs. */
        MISSING
    }

    /**
     * Compares a plain and an imaged run of one test. A test that fails plain is {@link Kind#UNSOUND_TEST}, whatever
     * it does imaged; otherwise (passed, aborted or skipped plain) the imaged run must give the same outcome and
     * observations.
     */
    public static Verdict compare(Optional<TestRecord> plain, Optional<TestRecord> imaged) {
        if (plain.isEmpty() || imaged.isEmpty()) {
            return new Verdict(
                    Kind.MISSING,
                    "the test did not run " + (plain.isEmpty() ? "plain" : "with the image")
                            + " (was it filtered out, or did its class fail to load?)");
        }
        if (plain.get().failed()) {
            return new Verdict(
                    Kind.UNSOUND_TEST,
                    "it fails without the image too: " + plain.get().outcome());
        }
        List<String> differences = differences(plain.get(), imaged.get());
        return differences.isEmpty()
                ? new Verdict(Kind.SOUND, "same result plain and imaged")
                : new Verdict(Kind.IMAGE_DIVERGENCE, String.join("\n", differences));
    }

    /**
     * The verdict on a test whose plain and imaged runs differed in their batch ({@code inBatch}), after it ran alone
     * in a fresh pair of JVMs: the same difference again is the image's; no difference means the test depends on what
     * ran before it; another difference means it is flaky.
     */
    public static Verdict alone(Verdict inBatch, Optional<TestRecord> plain, Optional<TestRecord> imaged) {
        Verdict alone = compare(plain, imaged);
        if (plain.isPresent()
                && imaged.isPresent()
                && differences(plain.get(), imaged.get()).isEmpty()) {
            return new Verdict(
                    Kind.ORDER_DEPENDENT,
                    "alone in a fresh pair of JVMs it gives the same result plain and imaged ("
                            + plain.orElseThrow().outcome() + "), but not after the tests before it in its batch: "
                            + inBatch.detail().replace("\n", "; "));
        }
        if (alone.kind() == inBatch.kind() && alone.detail().equals(inBatch.detail())) {
            return new Verdict(inBatch.kind(), inBatch.detail() + "\n(the same alone in a fresh pair of JVMs)");
        }
        return new Verdict(
                Kind.FLAKY,
                "its results differ from run to run: in its batch "
                        + inBatch.detail().replace("\n", "; ") + "; alone in a fresh pair of JVMs "
                        + alone.detail().replace("\n", "; "));
    }

    /** The differences between two runs of one test, one line each, plain on the left. */
    public static List<String> differences(TestRecord plain, TestRecord imaged) {
        List<String> lines = new ArrayList<>();
        if (!plain.outcome().equals(imaged.outcome())) {
            lines.add("outcome: plain " + plain.outcome() + " | imaged " + imaged.outcome());
        }
        Set<String> names = new TreeSet<>(plain.observations().keySet());
        names.addAll(imaged.observations().keySet());
        for (String name : names) {
            String a = plain.observations().get(name);
            String b = imaged.observations().get(name);
            if (a == null ? b != null : !a.equals(b)) {
                lines.add("observed '" + name + "': plain " + show(a) + " | imaged " + show(b));
            }
        }
        return lines;
    }

    private static String show(String value) {
        return value == null ? "(not recorded)" : "<" + value + ">";
    }
}
