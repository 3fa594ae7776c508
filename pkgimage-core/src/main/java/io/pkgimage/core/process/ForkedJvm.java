package io.pkgimage.core.process;

import io.pkgimage.core.jdk.Jdk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A child JVM started with an {@code @argfile}, its output read line by line, its end awaited up to a timeout.
 *
 * <p>Its standard input stays open while it runs, so a child that watches it can halt when the parent dies.
 */
public final class ForkedJvm {
    /**
     * A JUnit Platform configuration parameter that every child JVM running tests for pkgimage sets (training,
     * soundness runs), so that the soundness harness never runs again inside them.
     */
    public static final String CHILD_PARAMETER = "pkgimage.child";

    private static final int LAST_LINES = 40;

    /**
     * How a forked JVM ended.
     *
     * @param exitCode the exit code, or -1 when it was stopped at the timeout
     * @param timedOut whether it passed the timeout and was stopped
     * @param commandLine the command line, with the argfile's arguments spelled out, for messages
     * @param lastLines the last lines it printed
     * @param wallMillis start to exit
     */
    public record Exit(int exitCode, boolean timedOut, String commandLine, List<String> lastLines, long wallMillis) {
        /** The last lines, indented, for an error message. */
        public String lastOutput() {
            if (lastLines.isEmpty()) {
                return "\nThe JVM printed nothing.";
            }
            return "\nLast output of the JVM:\n  " + String.join("\n  ", lastLines);
        }
    }

    private ForkedJvm() {}

    /**
     * Runs {@code jdk}'s {@code java} with {@code arguments} written to {@code argfile}.
     *
     * @param environment variables set in the child's environment; an empty value removes the variable
     * @param lines receives every line the child prints (standard output and error merged)
     * @throws ForkException if the JVM cannot be started or the wait is interrupted (the child is then stopped)
     */
    public static Exit run(
            Jdk jdk,
            List<String> arguments,
            Path argfile,
            Path workingDirectory,
            Map<String, String> environment,
            Duration timeout,
            Consumer<String> lines) {
        try {
            Files.createDirectories(argfile.toAbsolutePath().getParent());
            Files.write(
                    argfile,
                    arguments.stream().map(ForkedJvm::quote).collect(Collectors.toList()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the argument file '" + argfile + "': " + e.getMessage(), e);
        }
        String commandLine = jdk.javaExecutable() + " "
                + arguments.stream().map(ForkedJvm::quote).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(List.of(jdk.javaExecutable().toString(), "@" + argfile))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        // an empty value removes the variable: a child must not inherit it (a Java agent the dump cannot run)
        environment.forEach((k, v) -> {
            if (v.isEmpty()) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ForkException(
                    "Cannot start " + jdk.javaExecutable() + ": " + e.getMessage() + ". Command was: " + commandLine,
                    e);
        }
        Deque<String> last = new ArrayDeque<>();
        Thread reader = new Thread(() -> pump(process, last, lines), "pkgimage-jvm-output");
        reader.setDaemon(true);
        reader.start();
        OutputStream keepAlive = process.getOutputStream();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ForkException(
                    "Interrupted while waiting for a JVM; it was stopped. Command was: " + commandLine, e);
        } finally {
            try {
                keepAlive.close();
            } catch (IOException ignored) {
                // the child is gone already
            }
        }
        long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<String> tail;
        synchronized (last) {
            tail = new ArrayList<>(last);
        }
        return new Exit(finished ? process.exitValue() : -1, !finished, commandLine, tail, wallMillis);
    }

    /** The jar or folder that {@code type} was loaded from, to put a child's {@code main} on its class path. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("Cannot locate " + type.getName() + " on the class path", e);
        }
    }

    /** Quotes one argument for a JDK {@code @argfile}. */
    public static String quote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void pump(Process process, Deque<String> last, Consumer<String> lines) {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.accept(line);
                synchronized (last) {
                    if (last.size() == LAST_LINES) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                }
            }
        } catch (IOException e) {
            // the child is gone; its exit status tells the rest
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
