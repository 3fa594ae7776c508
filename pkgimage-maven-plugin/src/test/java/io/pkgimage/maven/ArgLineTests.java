package io.pkgimage.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.training.TestJvmRecording;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How prepare and prepare-test add their options to the argLine property. */
class ArgLineTests {
    private final List<String> recording =
            TestJvmRecording.jvmOptions(Path.of("/b/target/pkgimage/recording/surefire"));

    @Test
    void optionsAreAppendedToWhatThePropertyHolds() {
        assertThat(AbstractPkgImageMojo.argLineWith(
                        "-javaagent:/r/jacoco.jar=destfile=/b/jacoco.exec",
                        recording,
                        TestJvmRecording::isRecordingOption))
                .isEqualTo("-javaagent:/r/jacoco.jar=destfile=/b/jacoco.exec"
                        + " -XX:DumpLoadedClassList=/b/target/pkgimage/recording/surefire/classlist-%p.txt"
                        + " -Xlog:gc+init=info:file=/b/target/pkgimage/recording/surefire/jvm-%p.log");
        assertThat(AbstractPkgImageMojo.argLineWith(null, List.of("-Xmx1g"), o -> false))
                .isEqualTo("-Xmx1g");
        assertThat(AbstractPkgImageMojo.argLineWith("  ", List.of("-Xmx1g"), o -> false))
                .isEqualTo("-Xmx1g");
    }

    @Test
    void aLaterGoalReplacesTheOptionsOfAnEarlierOneOfItsKind() {
        String surefire = AbstractPkgImageMojo.argLineWith("-ea", recording, TestJvmRecording::isRecordingOption);
        List<String> failsafe = TestJvmRecording.jvmOptions(Path.of("/b/target/pkgimage/recording/failsafe"));

        assertThat(AbstractPkgImageMojo.argLineWith(surefire, failsafe, TestJvmRecording::isRecordingOption))
                .isEqualTo("-ea -XX:DumpLoadedClassList=/b/target/pkgimage/recording/failsafe/classlist-%p.txt"
                        + " -Xlog:gc+init=info:file=/b/target/pkgimage/recording/failsafe/jvm-%p.log");
    }

    @Test
    void optionsWithWhiteSpaceAreQuotedAndTheRestLeftAsWritten() {
        assertThat(AbstractPkgImageMojo.argLineWith(
                        "-Dname=\"a  b\"", List.of("-XX:SharedArchiveFile=/my dir/a.jsa"), o -> false))
                .isEqualTo("-Dname=\"a  b\" \"-XX:SharedArchiveFile=/my dir/a.jsa\"");
    }
}
