package io.pkgimage.core.soundness;

import io.pkgimage.core.image.TrainingSummary;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * The JIT of the harness's child JVMs when nobody chose one. A suite of a few seconds spends about half of its JVM's
 * CPU in C2 compiling code it does not run long enough to pay that back, and the harness runs it twice at once, on
 * the same cores: so when the suite is short by its training, the children stop at C1. Both children get the same
 * JIT, and the JIT does not take part in class-data sharing, so what one child does that the other does not is still
 * the image's doing. A long suite keeps the test JVM's JIT, since C1's code would slow its hot loops.
 *
 * <p>Measured on commons-cli's 797 tests, JDK 17, 2 cores: a child JVM used 5.8 to 6.7 CPU-s with the test JVM's JIT
 * and 2.7 to 3.7 with C1 only.
 */
public final class ChildJit {
    /** A suite whose training ran shorter than this gets children that stop at C1. */
    public static final long SHORT_MILLIS = 20_000;

    /** The option that stops the JIT at C1. */
    public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** Options, or their prefixes, with which a user chose a JIT: the harness then leaves it alone. */
    private static final List<String> CHOSEN = List.of(
            "-Xint",
            "-Xcomp",
            "-Xmixed",
            "-XX:TieredStopAtLevel",
            "-XX:+TieredCompilation",
            "-XX:-TieredCompilation",
            "-XX:Tier",
            "-XX:CompileThreshold",
            "-XX:+UseJVMCICompiler",
            "-XX:-UseJVMCICompiler",
            "-XX:CICompilerCount");

    private ChildJit() {}

    /**
     * What the children get besides {@code options}: {@value #C1_ONLY} when the suite ran shorter than {@value
     * #SHORT_MILLIS} ms when trained ({@code suiteMillis}) and {@code options} choose no JIT; else nothing.
     */
    public static List<String> options(List<String> options, OptionalLong suiteMillis) {
        if (options.stream().anyMatch(ChildJit::choosesJit)
                || suiteMillis.isEmpty()
                || suiteMillis.getAsLong() >= SHORT_MILLIS) {
            return List.of();
        }
        return List.of(C1_ONLY);
    }

    /** Whether {@code option} chooses the JIT. */
    public static boolean choosesJit(String option) {
        return CHOSEN.stream().anyMatch(option::startsWith);
    }

    /**
     * How long the suite ran when it was trained: the longest training of tests among {@code trainings} (the images
     * of the module whose tests the harness judges); empty when none trained on tests or said how long it took.
     */
    public static OptionalLong suiteMillis(Collection<TrainingSummary> trainings) {
        return trainings.stream()
                .filter(t -> t.mode().equals("tests")) // the package's tests ran, not a main or a shell
                .mapToLong(TrainingSummary::wallMillis)
                .filter(m -> m > 0)
                .max();
    }
}
