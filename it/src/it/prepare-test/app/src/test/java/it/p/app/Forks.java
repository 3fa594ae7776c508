package it.p.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes what this JVM is, one line per test class: whether it shares classes, its archive, its agent. */
final class Forks {
    private Forks() {}

    static void record(Class<?> testClass) throws Exception {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String archive = args.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElse("no-archive");
        String line = testClass.getSimpleName() + " pid=" + ProcessHandle.current().pid()
                + " info=" + System.getProperty("java.vm.info").replace(' ', '_')
                + " projectArgLine=" + System.getProperty("from.project.argline")
                + " agent=" + (args.stream().anyMatch(a -> a.contains("org.jacoco.agent")) ? "jacoco" : "none")
                + " " + archive + "\n";
        Files.writeString(Path.of(System.getProperty("it.forks")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
