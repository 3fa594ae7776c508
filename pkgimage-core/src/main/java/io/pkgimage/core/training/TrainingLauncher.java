package io.pkgimage.core.training;

import io.pkgimage.core.Progress;
import io.pkgimage.core.image.TrainingSummary;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.training.child.TrainingMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.apache.maven.surefire.shared.utils.io.SelectorUtils;

/** Starts a training JVM, reports its progress, and collects what it recorded. */
public final class TrainingLauncher {
    private static final long PROGRESS_EVERY_MILLIS = 2_000;

    private TrainingLauncher() {}

    /** The jar or folder holding the training child's {@code main}; it goes on the child's class path. */
    public static Path harnessLocation() {
        return ForkedJvm.locationOf(TrainingMain.class);
    }

    /**
     * Runs {@code run} to its end.
     *
     * @throws TrainingException if the JVM cannot start, exits without saying goodbye, or passes the timeout; the
     *     message holds the command line and the child's last output
     */
    public static TrainingOutcome launch(TrainingRun run, Progress progress) {
        Path work = run.workDirectory();
        Path classlist = work.resolve("training.classlist");
        Path results = work.resolve("training-results.properties");
        Path config = work.resolve("training.properties");
        Path argfile = work.resolve("training.args");
        try {
            Files.createDirectories(work);
            for (Path p : List.of(classlist, results)) {
                Files.deleteIfExists(p);
            }
            writeConfig(run, results, config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the training in '" + work + "': " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        long[] lastReport = {0};
        ForkedJvm.Exit exit = ForkedJvm.run(
                run.jdk(),
                arguments(run, classlist, config),
                argfile,
                run.jvm().workingDirectory(),
                run.jvm().environment(),
                run.jvm().timeout(),
                line -> {
                    if (!line.startsWith(TrainingMain.PROGRESS)) {
                        progress.output(line);
                        return;
                    }
                    long now = System.nanoTime();
                    if (now - lastReport[0] >= TimeUnit.MILLISECONDS.toNanos(PROGRESS_EVERY_MILLIS)) {
                        lastReport[0] = now;
                        String[] n =
                                line.substring(TrainingMain.PROGRESS.length()).split(" ");
                        if (n.length == 3) {
                            progress.info(String.format(
                                    "Training: %s tests run, %s failed, %s skipped (%.1f s)",
                                    n[0], n[1], n[2], (now - start) / 1e9));
                        }
                    }
                });
        String commandLine = exit.commandLine();
        if (exit.timedOut()) {
            throw new TrainingException("The training JVM did not finish within "
                    + run.jvm().timeout().toSeconds()
                    + " s and was stopped. Raise <timeout> (property pkgimage.timeout, in seconds) or find the test"
                    + " that hangs. Command was: " + commandLine + exit.lastOutput());
        }
        Properties p = new Properties();
        if (Files.isRegularFile(results)) {
            try (InputStream in = Files.newInputStream(results)) {
                p.load(in);
            } catch (IOException e) {
                throw new TrainingException("Cannot read the training results '" + results + "': " + e, e);
            }
        }
        boolean mainExited = run.mainClass().isPresent() && "true".equals(p.getProperty("goodbye"));
        // the file a main leaves when it halts says mainStarted, never goodbye
        boolean mainHalted =
                run.mainClass().isPresent() && "true".equals(p.getProperty("mainStarted")) && exit.exitCode() == 0;
        if (mainHalted) {
            // the workload halted the JVM (Runtime.halt runs no shutdown hook), as Spring's
            // -Dspring.context.exit=onRefresh does once the context is up: exit code 0 is a run that succeeded
            progress.info("The workload " + run.mainClass().get()
                    + " halted the JVM with exit code 0 (Runtime.halt, as -Dspring.context.exit=onRefresh does);"
                    + " its run counts as complete");
            p.setProperty("run", "1");
            p.setProperty("failed", "0");
        } else if (mainExited && exit.exitCode() != 0) {
            // the workload ended the JVM with System.exit(non-zero): a failed run, as a failing test is
            p.setProperty("run", "0");
            p.setProperty("failed", "1");
            p.setProperty(
                    "failure.0",
                    run.mainClass().get() + ".main " + run.mainArguments() + " — System.exit(" + exit.exitCode() + ")"
                            + lastLine(exit));
        } else if (exit.exitCode() != 0 || !"true".equals(p.getProperty("goodbye"))) {
            throw new TrainingException("The training JVM terminated without properly saying goodbye (exit code "
                    + exit.exitCode() + "). "
                    + (run.mainClass().isPresent()
                            ? "Did the workload halt the JVM with a non-zero code, or crash it?"
                            : "Did a test call System.exit or crash the JVM?")
                    + " Command was: "
                    + commandLine + exit.lastOutput());
        }
        if (!Files.isRegularFile(classlist)) {
            throw new TrainingException("The training JVM wrote no classlist at '" + classlist + "'. Does the JDK "
                    + run.jdk().home() + " support -XX:DumpLoadedClassList? Command was: " + commandLine
                    + exit.lastOutput());
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; p.containsKey("failure." + i); i++) {
            failures.add(p.getProperty("failure." + i));
        }
        return new TrainingOutcome(
                classlist,
                Integer.parseInt(p.getProperty("run", "0")),
                Integer.parseInt(p.getProperty("failed", "0")),
                Integer.parseInt(p.getProperty("skipped", "0")),
                failures,
                p.getProperty("gc", "unknown"),
                Boolean.parseBoolean(p.getProperty("compressedOops")),
                p.getProperty("vendor", "unknown"),
                p.getProperty("runtimeVersion", "unknown"),
                Integer.parseInt(p.getProperty("feature", "0")),
                exit.wallMillis(),
                TrainingSummary.TRAINING,
                1);
    }

    private static String lastLine(ForkedJvm.Exit exit) {
        return exit.lastLines().isEmpty()
                ? ""
                : "; its last line: " + exit.lastLines().get(exit.lastLines().size() - 1);
    }

    private static void writeConfig(TrainingRun run, Path results, Path config) throws IOException {
        Map<String, String> p = new TreeMap<>();
        p.put("mode", run.mode());
        p.put("results", results.toAbsolutePath().toString());
        run.mainClass().ifPresent(m -> p.put("mainClass", m));
        for (int i = 0; i < run.mainArguments().size(); i++) {
            p.put("argument." + i, run.mainArguments().get(i));
        }
        List<String> classes = run.mode().equals("tests") ? run.testClasses() : run.loadClasses();
        for (int i = 0; i < classes.size(); i++) {
            p.put("class." + i, classes.get(i));
        }
        TestFilter filter = run.filter();
        for (int i = 0; i < filter.includeTags().size(); i++) {
            p.put("includeTag." + i, filter.includeTags().get(i));
        }
        for (int i = 0; i < filter.excludeTags().size(); i++) {
            p.put("excludeTag." + i, filter.excludeTags().get(i));
        }
        filter.methods().ifPresent(m -> p.put("methods", m));
        run.jvm().configurationParameters().forEach((k, v) -> p.put("parameter." + k, v));
        Properties props = new Properties();
        props.putAll(p);
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "pkgimage training configuration");
        }
    }

    @SuppressWarnings("deprecation") // SelectorUtils only names the jar that TestListResolver needs
    static List<String> arguments(TrainingRun run, Path classlist, Path config) {
        List<String> args = new ArrayList<>();
        args.add("-XX:DumpLoadedClassList=" + classlist.toAbsolutePath());
        args.addAll(run.jvm().jvmArguments());
        new TreeMap<>(run.jvm().systemProperties()).forEach((k, v) -> args.add("-D" + k + "=" + v));
        args.add("-cp");
        List<Path> classpath = new ArrayList<>(run.classpath());
        if (run.filter().methods().isPresent()) {
            // Surefire's own method matching, as its JUnit Platform provider applies it; relocated, no clash
            classpath.add(ForkedJvm.locationOf(TestListResolver.class));
            classpath.add(ForkedJvm.locationOf(SelectorUtils.class));
        }
        args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        args.add(TrainingMain.class.getName());
        args.add(config.toAbsolutePath().toString());
        return args;
    }
}
