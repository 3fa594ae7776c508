package io.pkgimage.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchTests {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASSPATH =
            ForkedJvm.locationOf(ParentWatchTests.class) + File.pathSeparator + ForkedJvm.locationOf(ParentWatch.class);

    @Test
    void theWatcherSleepsBetweenLooksInsteadOfBlockingInNativeCodeWhichWouldHoldTheJvmsExit() throws Exception {
        assumeTrue(ProcessHandle.current().parent().isPresent(), "this JVM's parent is known");
        ParentWatch.start();
        Thread watcher = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("pkgimage-parent-watch"))
                .findFirst()
                .orElseThrow();
        // a thread reading standard input would be RUNNABLE, in native code, for as long as the parent lives
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watcher.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(watcher.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(watcher.isDaemon()).isTrue();
    }

    @Test
    void aChildWhoseParentDiesHaltsInsteadOfRunningOn() throws Exception {
        // GIVEN a JVM that starts a child watching it, says the child's pid, and dies, leaving the child running
        Process middle = new ProcessBuilder(JAVA, "-cp", CLASSPATH, Middle.class.getName())
                .redirectErrorStream(true)
                .start();
        long orphanPid;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(middle.getInputStream(), StandardCharsets.UTF_8))) {
            orphanPid = Long.parseLong(out.readLine().trim());
        }
        assertThat(middle.waitFor(30, TimeUnit.SECONDS)).isTrue();
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElse(null);

        // THEN the child halts on its own (it would sleep for two minutes)
        if (orphan != null) {
            try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
            } finally {
                orphan.destroyForcibly();
            }
            assertThat(orphan.isAlive()).isFalse();
        }
    }

    /** Starts an {@link Orphan} that watches it, prints its pid once it watches, and halts. */
    public static final class Middle {
        public static void main(String[] args) throws IOException {
            Process orphan = new ProcessBuilder(List.of(JAVA, "-cp", CLASSPATH, Orphan.class.getName()))
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(orphan.getInputStream(), StandardCharsets.UTF_8))) {
                out.readLine(); // it watches
            }
            System.out.println(orphan.pid());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    /** Watches its parent, says so, and sleeps for two minutes. */
    public static final class Orphan {
        public static void main(String[] args) throws InterruptedException {
            ParentWatch.start();
            System.out.println("watching");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
