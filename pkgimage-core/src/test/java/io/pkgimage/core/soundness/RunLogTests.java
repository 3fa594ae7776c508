package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTests {
    @TempDir
    Path dir;

    @Test
    void eventsRoundTripInTheOrderTheyStartedWithTheGoodbyeLast() {
        Path file = dir.resolve("run.log");
        TestRecord failed = new TestRecord(
                "FAILED",
                "org.opentest4j.AssertionFailedError",
                "expected:\t<1>\nbut was: <2>",
                new TreeMap<>(Map.of("k", "multi\nline = value\\")),
                42,
                true,
                "org.opentest4j.AssertionFailedError: ...\n\tat a.B.c(B.java:3)");
        try (RunLog.Writer w = RunLog.Writer.create(file)) {
            w.started("[engine:e]/[class:A]", "[engine:e]", "CONTAINER", "A", "A", "class:A");
            w.started(
                    "[engine:e]/[class:A]/[method:z()]", "[engine:e]/[class:A]", "TEST", "z()", "z()", "method:A#z()");
            w.skipped("[engine:e]/[class:A]/[method:a()]", "[engine:e]/[class:A]", "TEST", "a()", "a()", "", "off");
            w.finished("[engine:e]/[class:A]/[method:z()]", failed);
            w.goodbye();
        }

        RunLog log = RunLog.read(file);

        assertThat(log.complete()).isTrue();
        assertThat(log.nodes().keySet())
                .containsExactly(
                        "[engine:e]/[class:A]",
                        "[engine:e]/[class:A]/[method:z()]",
                        "[engine:e]/[class:A]/[method:a()]");
        assertThat(log.result("[engine:e]/[class:A]/[method:z()]")).contains(failed);
        assertThat(log.result("[engine:e]/[class:A]/[method:a()]").orElseThrow().outcome())
                .isEqualTo("SKIPPED");
        assertThat(log.nodes().get("[engine:e]/[class:A]/[method:z()]").source())
                .isEqualTo("method:A#z()");
        assertThat(log.running()).extracting(RunLog.Node::uniqueId).containsExactly("[engine:e]/[class:A]");
    }

    @Test
    void aChildThatEndsEarlyTellsWhatWasRunningAndAMissingLogIsNothingRun() throws Exception {
        Path file = dir.resolve("run.log");
        assertThat(RunLog.read(file)).isEqualTo(new RunLog(Map.of(), false, Optional.empty()));
        try (RunLog.Writer w = RunLog.Writer.create(file)) {
            w.started("c", "e", "CONTAINER", "C", "C", "class:C");
            w.started("c/t", "c", "TEST", "t()", "t()", "");
            w.timedOut("c");
        }
        Files.writeString(file, Files.readString(file) + "F\tc/t\tSUCC"); // cut short by the crash

        RunLog log = RunLog.read(file);

        assertThat(log.complete()).isFalse();
        assertThat(log.timedOut()).contains("c");
        assertThat(log.running()).extracting(RunLog.Node::uniqueId).containsExactly("c", "c/t");
    }
}
