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
        /** Different results plain and imaged, again when both ran a second time. */
        IMAGE_DIVERGENCE,
        /** Different results, but a second run in the same mode also differed: the test is flaky. */
        FLAKY,
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
