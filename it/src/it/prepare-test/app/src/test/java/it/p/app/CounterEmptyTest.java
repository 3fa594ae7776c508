package it.p.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CounterEmptyTest {
    @Test
    void works() {
        assertEquals(0, it.p.app.Counter.count("").size());
    }

    /** What this JVM is: whether it shares classes, and whether it was given an archive (one line per fork). */
    @AfterAll
    static void recordTheJvm() throws Exception {
        String archive = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElse("no-archive");
        String line = "CounterEmptyTest pid=" + ProcessHandle.current().pid() + " info=" + System.getProperty("java.vm.info").replace(' ', '_')
                + " projectArgLine=" + System.getProperty("from.project.argline")
                + " agent=" + (ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.contains("org.jacoco.agent")) ? "jacoco" : "none")
                + " " + archive + "\n";
        Files.writeString(Path.of(System.getProperty("it.forks")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
