package io.pkgimage.junit.run;

import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.settings.SoundnessParameters;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JVM of a pair that ended early, crashed or stopped at its timeout, told as the tests it did not finish show it: the
 * JVM, the class and the test that were running, its command line and its last output.
 */
public final class Crashes {
    private Crashes() {}

    /**
     * Why {@code unit} did not finish, if it was running when a JVM of the pair ended early: the JVM, the class and
     * the test that were running, its command line and last output.
     *
     * @param batchSize how many test classes the pair ran
     */
    public static Optional<String> crash(
            SoundnessSettings settings, MirrorDescriptor unit, PairRuns.Pair pair, int batchSize) {
        String id = unit.original().toString();
        List<String> parts = new ArrayList<>();
        List<PairRuns.Child> ran = new ArrayList<>();
        for (PairRuns.Child c : crashed(pair)) {
            if (!c.log().nodes().containsKey(id) || c.log().result(id).isPresent()) {
                continue;
            }
            ran.add(c);
            Optional<RunLog.Node> test = c.log().running().stream()
                    .filter(n -> n.test() && n.uniqueId().startsWith(id + "/"))
                    .reduce((a, b) -> b);
            parts.add(ended(settings, c) + " while running " + unit.className()
                    + test.map(n -> ", test " + n.displayName()).orElse("")
                    + (batchSize > 1 ? " (in a batch of " + batchSize + " test classes)" : "") + commandOf(c));
        }
        if (ran.isEmpty()) {
            return Optional.empty();
        }
        if (ran.size() == 1) {
            PairRuns.Child other = ran.get(0).imaged() ? pair.plain() : pair.imaged();
            parts.add("The " + other.mode() + " JVM "
                    + (other.log().result(id).isPresent() ? "ran the class to its end." : "did not get to it."));
        }
        return Optional.of(String.join("\n", parts));
    }

    /** How the JVMs of the pair that did not run to their end ended, for a crash between classes: one line each. */
    public static String between(SoundnessSettings settings, PairRuns.Pair pair) {
        return crashed(pair).stream()
                .map(c -> ended(settings, c) + commandOf(c))
                .collect(Collectors.joining("\n"));
    }

    /** The JVMs of the pair that did not run to their end. */
    private static List<PairRuns.Child> crashed(PairRuns.Pair pair) {
        return pair.both().stream().filter(c -> !c.ended()).collect(Collectors.toList());
    }

    /** How a child that did not say goodbye ended. */
    private static String ended(SoundnessSettings settings, PairRuns.Child c) {
        return "The " + c.mode() + " JVM "
                + (c.timedOut()
                        ? "did not finish within " + settings.timeout().toSeconds() + " s and was stopped ("
                                + SoundnessParameters.TIMEOUT + ", seconds per test class)"
                        : "terminated without properly saying goodbye (exit code "
                                + c.exit().exitCode() + ")");
    }

    private static String commandOf(PairRuns.Child c) {
        return ". Command was: " + c.exit().commandLine() + c.exit().lastOutput();
    }
}
