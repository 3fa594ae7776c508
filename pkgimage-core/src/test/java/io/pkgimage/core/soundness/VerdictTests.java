package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTests {
    @TempDir
    Path dir;

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
    void resultsRoundTripInExecutionOrderWithTheGoodbyeLast() {
        Map<String, TestRecord> tests = new LinkedHashMap<>();
        tests.put("[method:z()]", passed(Map.of("k", "multi\nline = value"), 42));
        tests.put("[method:a()]", new TestRecord("SKIPPED", "", "off", new TreeMap<>(), 0));
        Path file = dir.resolve("results.properties");

        ClassResults.write(tests, file);
        ClassResults read = ClassResults.read(file);

        assertThat(read.complete()).isTrue();
        assertThat(read.tests()).containsExactlyEntriesOf(tests);
        assertThat(read.first()).contains(tests.get("[method:z()]"));
    }

    @Test
    void aMissingOrCutResultsFileIsNotComplete() throws Exception {
        Path file = dir.resolve("results.properties");
        assertThat(ClassResults.read(file).complete()).isFalse();

        ClassResults.write(Map.of("[method:a()]", passed(Map.of(), 1)), file);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("goodbye")));

        assertThat(ClassResults.read(file).complete()).isFalse();
        assertThat(ClassResults.read(file).tests()).containsKey("[method:a()]");
    }

    private static TestRecord passed(Map<String, String> observations, long micros) {
        return new TestRecord("SUCCESSFUL", "", "", new TreeMap<>(observations), micros);
    }
}
