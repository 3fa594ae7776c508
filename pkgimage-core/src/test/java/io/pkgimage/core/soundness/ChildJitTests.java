package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.image.TrainingSummary;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChildJitTests {
    @Test
    void aShortSuiteStopsAtC1AndALongOrUnknownOneKeepsTheTestJvmsJit() {
        assertThat(ChildJit.options(List.of("-Xmx512m"), OptionalLong.of(2_986)))
                .containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(ChildJit.options(List.of(), OptionalLong.of(ChildJit.SHORT_MILLIS)))
                .isEmpty();
        assertThat(ChildJit.options(List.of(), OptionalLong.of(152_000))).isEmpty();
        assertThat(ChildJit.options(List.of(), OptionalLong.empty())).isEmpty();
    }

    @Test
    void aJitThatTheUserChoseIsLeftAlone() {
        for (String chosen : List.of(
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=4", "-Xint", "-XX:Tier4InvocationThreshold=50000")) {
            assertThat(ChildJit.options(List.of("-Xmx1g", chosen), OptionalLong.of(1_000)))
                    .as(chosen)
                    .isEmpty();
        }
        assertThat(ChildJit.choosesJit("-XX:+UseG1GC")).isFalse();
    }

    @Test
    void theSuiteTookWhatItsLongestTrainingOnTestsTook() {
        TrainingSummary tests = new TrainingSummary("tests", 797, 0, 59, 2_986, List.of());
        TrainingSummary recorded =
                new TrainingSummary("tests", 900, 0, 0, 4_100, List.of(), TrainingSummary.SUREFIRE, 2);
        TrainingSummary main = new TrainingSummary("main", 1, 0, 0, 60_000, List.of());
        TrainingSummary untimed = new TrainingSummary("tests", 3, 0, 0, 0, List.of());

        assertThat(ChildJit.suiteMillis(List.of(tests, recorded, main))).hasValue(4_100);
        assertThat(ChildJit.suiteMillis(List.of(main, untimed))).isEmpty();
        assertThat(ChildJit.suiteMillis(List.of())).isEmpty();
    }
}
