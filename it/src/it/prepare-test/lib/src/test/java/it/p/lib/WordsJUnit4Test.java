package it.p.lib;

import static org.junit.Assert.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.AfterClass;
import org.junit.Test;

public class WordsJUnit4Test {
    @Test
    public void splits() {
        assertEquals(3, Words.of("one two three").size());
    }

    @AfterClass
    public static void recordTheJvm() throws Exception {
        String archive = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElse("no-archive");
        String line = "WordsJUnit4Test pid=" + ProcessHandle.current().pid() + " info="
                + System.getProperty("java.vm.info").replace(' ', '_') + " projectArgLine="
                + System.getProperty("from.project.argline") + " agent=none " + archive + "\n";
        Files.writeString(Path.of(System.getProperty("it.forks")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
