package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VerdictTests {
    @Test
    void sameOutcomeAndObservationsAreSoundWhateverTheTimes() {
        Verdict v =
                Verdict.compare(Optional.of(passed(Map.of("x", "1"), 900)), Optional.of(passed(Map.of("x", "1"), 100)));

        assertThat(v.kind()).isEqualTo(Verdict.Kind.SOUND);
    }

    @Test
    void aDifferentObservationOrOutcomeIsADivergenceShownPlainThenImaged() {
        TestRecord plain = passed(Map.of("x", "1", "y", "a"), 1);
        TestRecord imaged =
                new TestRecord("FAILED", "java.lang.IllegalStateException", "boom", new TreeMap<>(Map.of("x", "2")), 1);

        Verdict v = Verdict.compare(Optional.of(plain), Optional.of(imaged));

        assertThat(v.kind()).isEqualTo(Verdict.Kind.IMAGE_DIVERGENCE);
        assertThat(v.detail())
                .isEqualTo("outcome: plain SUCCESSFUL | imaged FAILED java.lang.IllegalStateException: boom\n"
                        + "observed 'x': plain <1> | imaged <2>\n"
                        + "observed 'y': plain <a> | imaged (not recorded)");
    }

    @Test
    void aTestThatFailsPlainIsUnsoundWhateverItDoesImaged() {
        TestRecord plain = new TestRecord("FAILED", "org.opentest4j.AssertionFailedError", "no", new TreeMap<>(), 1);

        Verdict v = Verdict.compare(Optional.of(plain), Optional.of(passed(Map.of(), 1)));

        assertThat(v.kind()).isEqualTo(Verdict.Kind.UNSOUND_TEST);
        assertThat(v.detail())
                .isEqualTo("it fails without the image too: FAILED org.opentest4j.AssertionFailedError: no");
    }

    @Test
    void anAbortedTestMustBeAbortedAlikeImaged() {
        TestRecord aborted = new TestRecord("ABORTED", "org.opentest4j.TestAbortedException", "a", new TreeMap<>(), 1);

        assertThat(Verdict.compare(Optional.of(aborted), Optional.of(aborted)).kind())
                .isEqualTo(Verdict.Kind.SOUND);
        assertThat(Verdict.compare(Optional.of(aborted), Optional.of(passed(Map.of(), 1)))
                        .kind())
                .isEqualTo(Verdict.Kind.IMAGE_DIVERGENCE);
    }

    @Test
    void aTestMissingFromOneRunIsMissing() {
        assertThat(Verdict.compare(Optional.of(passed(Map.of(), 1)), Optional.empty()))
                .isEqualTo(new Verdict(
                        Verdict.Kind.MISSING,
                        "the test did not run with the image (was it filtered out, or did its class fail to load?)"));
    }

    @Test
    void theSameDifferenceAloneIsTheImagesAnotherIsFlakyNoneIsOrderDependent() {
        TestRecord passed = passed(Map.of("x", "1"), 1);
        TestRecord other = passed(Map.of("x", "2"), 1);
        TestRecord third = passed(Map.of("x", "3"), 1);
        Verdict inBatch = Verdict.compare(Optional.of(passed), Optional.of(other));

        assertThat(Verdict.alone(inBatch, Optional.of(passed), Optional.of(other)))
                .isEqualTo(new Verdict(
                        Verdict.Kind.IMAGE_DIVERGENCE,
                        "observed 'x': plain <1> | imaged <2>\n(the same alone in a fresh pair of JVMs)"));
        assertThat(Verdict.alone(inBatch, Optional.of(passed), Optional.of(third)))
                .isEqualTo(new Verdict(
                        Verdict.Kind.FLAKY,
                        "its results differ from run to run: in its batch observed 'x': plain <1> | imaged <2>;"
                                + " alone in a fresh pair of JVMs observed 'x': plain <1> | imaged <3>"));
        assertThat(Verdict.alone(inBatch, Optional.of(other), Optional.of(passed(Map.of("x", "2"), 99))))
                .isEqualTo(new Verdict(
                        Verdict.Kind.ORDER_DEPENDENT,
                        "alone in a fresh pair of JVMs it gives the same result plain and imaged (SUCCESSFUL), but"
                                + " not after the tests before it in its batch: observed 'x': plain <1> | imaged <2>"));
    }

    @Test
    void aTestThatFailsAloneInBothModesAlikeIsOrderDependentNotUnsound() {
        TestRecord failed = new TestRecord("FAILED", "java.lang.IllegalStateException", "no", new TreeMap<>(), 1);
        Verdict inBatch = Verdict.compare(Optional.of(passed(Map.of(), 1)), Optional.of(failed));

        assertThat(Verdict.alone(inBatch, Optional.of(failed), Optional.of(failed))
                        .kind())
                .isEqualTo(Verdict.Kind.ORDER_DEPENDENT);
    }

    private static TestRecord passed(Map<String, String> observations, long micros) {
        return new TestRecord("SUCCESSFUL", "", "", new TreeMap<>(observations), micros);
    }
}
