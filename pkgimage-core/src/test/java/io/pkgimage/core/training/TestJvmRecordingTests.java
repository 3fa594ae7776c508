package io.pkgimage.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.TestJdks;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestJvmRecordingTests {
    @TempDir
    Path dir;

    private final Jdk jdk17 = Jdks.current();

    @Test
    void everyJvmStartedWithTheOptionsRecordsItsOwnClasslistAndTheSameInputsCollectThemAll() throws Exception {
        Path folder = dir.resolve("recording");
        TestJvmRecording.begin(folder, "inputs-1");

        // GIVEN two JVMs, as two forks of Surefire, with the options prepare puts in the argLine
        jvm(jdk17, folder);
        jvm(jdk17, folder);

        // WHEN
        TestJvmRecording.Lookup lookup = TestJvmRecording.collect(folder, "inputs-1", jdk17);

        // THEN
        assertThat(lookup.why()).isEmpty();
        List<Path> classlists = lookup.recorded().orElseThrow().classlists();
        assertThat(classlists).hasSize(2).allSatisfy(c -> assertThat(Files.readAllLines(c))
                .anyMatch(l -> l.startsWith("java/lang/Object")));
        assertThat(lookup.recorded().get().began()).isBeforeOrEqualTo(java.time.Instant.now());
    }

    @Test
    void onJdk25TheRecordingHasConstantPoolLinesAndIsOfAnotherJdkThan17() throws Exception {
        Jdk jdk25 = TestJdks.jdk25();
        Path folder = dir.resolve("recording");
        TestJvmRecording.begin(folder, "inputs");
        jvm(jdk25, folder);

        TestJvmRecording.Lookup on25 = TestJvmRecording.collect(folder, "inputs", jdk25);
        TestJvmRecording.Lookup on17 = TestJvmRecording.collect(folder, "inputs", jdk17);

        List<String> lines =
                Files.readAllLines(on25.recorded().orElseThrow().classlists().get(0));
        assertThat(lines).anyMatch(l -> l.startsWith("@cp "));
        assertThat(on17.recorded()).isEmpty();
        assertThat(on17.why())
                .isEqualTo("the build's test JVMs ran on JDK " + jdk25.runtimeVersion() + ", and the image is for "
                        + jdk17.runtimeVersion() + " (" + jdk17.home() + "); run the tests on that JDK (a toolchain or"
                        + " Surefire's <jvm>) to train from them");
    }

    @Test
    void aRecordingOfOtherInputsIsNotUsed() throws Exception {
        Path folder = dir.resolve("recording");
        TestJvmRecording.begin(folder, "before the change");
        jvm(jdk17, folder);

        TestJvmRecording.Lookup lookup = TestJvmRecording.collect(folder, "after the change", jdk17);

        assertThat(lookup.recorded()).isEmpty();
        assertThat(lookup.why())
                .isEqualTo("the recording in " + folder + " was prepared for other inputs (the classes, test classes,"
                        + " dependencies, JDK or settings changed since the test run)");
    }

    @Test
    void withoutPrepareOrWithoutAnyTestJvmThereIsNothingToUse() throws Exception {
        Path folder = dir.resolve("recording");

        TestJvmRecording.Lookup none = TestJvmRecording.collect(folder, "inputs", jdk17);
        TestJvmRecording.begin(folder, "inputs");
        TestJvmRecording.Lookup noJvm = TestJvmRecording.collect(folder, "inputs", jdk17);
        Files.writeString(folder.resolve("classlist-pid42.txt"), "java/lang/Object id: 1\n");
        TestJvmRecording.Lookup noLog = TestJvmRecording.collect(folder, "inputs", jdk17);

        assertThat(none.why())
                .isEqualTo("there is no recording of the build's test run (" + folder
                        + " has none: bind pkgimage:prepare to record it)");
        assertThat(noJvm.why())
                .isEqualTo("no test JVM recorded into " + folder + " (did the tests run in Maven's own JVM, with"
                        + " forkCount=0, or did Surefire's argLine not take the argLine property?)");
        assertThat(noLog.why())
                .isEqualTo("the test JVM 42 left a classlist but no start-up log saying which JDK ran it");
    }

    @Test
    void beginClearsWhatEarlierRunsLeft() throws Exception {
        Path folder = dir.resolve("recording");
        TestJvmRecording.begin(folder, "inputs");
        jvm(jdk17, folder);

        TestJvmRecording.begin(folder, "inputs");

        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(TestJvmRecording.STAMP);
        }
    }

    @Test
    void theOptionsAreRecognisedAsPrepares() {
        assertThat(TestJvmRecording.jvmOptions(dir)).allMatch(TestJvmRecording::isRecordingOption);
        assertThat(TestJvmRecording.isRecordingOption("-Xlog:gc")).isFalse();
        assertThat(TestJvmRecording.isRecordingOption("-Dx=-XX:DumpLoadedClassList="))
                .isFalse();
    }

    /** Starts a JVM of {@code jdk} with the recording options, as a test JVM, to its end. */
    private void jvm(Jdk jdk, Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.javaExecutable().toString());
        command.addAll(TestJvmRecording.jvmOptions(folder));
        command.add("-version");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
