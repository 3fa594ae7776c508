package io.pkgimage.junit.latency;

import io.pkgimage.core.jdk.Jdk;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The first-call latency of JMH benchmarks: each sample is one call in a fresh JVM ({@code SingleShotTime}, no warm-up,
 * one fork), and configurations are interleaved: fork {@code i} of every benchmark and configuration runs before fork
 * {@code i + 1} of any, so that a machine's drift spreads evenly over them.
 *
 * <p>No JUnit or Maven types: the JUnit extension and the benchmark runner both use it.
 */
public final class FirstCallMeasurement {
    /** In a configuration's JVM options, stands for the benchmark's method name. */
    public static final String BENCHMARK = "{benchmark}";

    private FirstCallMeasurement() {}

    /**
     * One way of starting the JVM of a fork.
     *
     * @param name a short name for tables ({@code plain}, {@code pkgimage}, ...)
     * @param jdk the JDK whose {@code java} runs the fork
     * @param jvmArgs its JVM options, where {@value #BENCHMARK} stands for the benchmark's method name (for a cache per
     *     benchmark); a configuration that must prove an archive mapped uses {@code -Xshare:on} or {@code
     *     -XX:AOTMode=on}, so that a JVM that cannot map it fails instead of being measured as plain
     */
    public record Configuration(String name, Jdk jdk, List<String> jvmArgs) {
        public Configuration {
            jvmArgs = List.copyOf(jvmArgs);
        }
    }

    /** The samples of one benchmark in one configuration, in milliseconds, in the order they were taken. */
    public record Samples(String benchmark, String configuration, List<Double> millis) {
        public Samples {
            millis = List.copyOf(millis);
        }

        public double median() {
            return Stats.median(millis);
        }

        /** The 25th percentile. */
        public double p25() {
            return Stats.percentile(millis, 25);
        }

        /** The 75th percentile. */
        public double p75() {
            return Stats.percentile(millis, 75);
        }
    }

    /** Why a measurement could not be taken: the benchmark, the configuration, and JMH's own output. */
    public static final class MeasurementException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MeasurementException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Measures every benchmark in every configuration {@code forks} times.
     *
     * @param benchmarks full JMH benchmark names ({@code package.Class.method})
     * @param classpath the forks' class path; an archive in a configuration must have been dumped for it
     * @param resultDirectory where JMH's own result files (JSON, one per fork) and outputs go
     * @param progress receives a line per fork
     * @return the samples, by benchmark then configuration, in the order given
     * @throws MeasurementException naming the benchmark and configuration when a fork fails
     */
    public static List<Samples> measure(
            List<String> benchmarks,
            List<Configuration> configurations,
            List<Path> classpath,
            int forks,
            Path resultDirectory,
            Consumer<String> progress) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1, not " + forks);
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String b : benchmarks) {
            for (Configuration c : configurations) {
                samples.put(b + "\n" + c.name(), new ArrayList<>());
            }
        }
        String cp = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        for (int fork = 1; fork <= forks; fork++) {
            for (String benchmark : benchmarks) {
                for (Configuration c : configurations) {
                    double ms = once(benchmark, c, cp, resultDirectory, fork);
                    samples.get(benchmark + "\n" + c.name()).add(ms);
                    progress.accept(String.format(
                            java.util.Locale.ROOT,
                            "fork %d/%d %s [%s]: %.1f ms",
                            fork,
                            forks,
                            benchmark,
                            c.name(),
                            ms));
                }
            }
        }
        List<Samples> result = new ArrayList<>();
        samples.forEach((key, values) -> {
            String[] parts = key.split("\n", 2);
            result.add(new Samples(parts[0], parts[1], values));
        });
        return result;
    }

    private static double once(String benchmark, Configuration c, String classpath, Path dir, int fork) {
        String base = simpleName(benchmark) + "-" + c.name() + "-" + fork;
        Path output = dir.resolve(base + ".txt");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create '" + dir + "': " + e.getMessage(), e);
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark) + "$")
                .mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementBatchSize(1)
                .forks(1)
                .warmupForks(0)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(output.toString())
                .result(dir.resolve(base + ".json").toString())
                .resultFormat(ResultFormatType.JSON)
                .jvm(c.jdk().javaExecutable().toString());
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        List<String> jvmArgs =
                c.jvmArgs().stream().map(a -> a.replace(BENCHMARK, method)).collect(Collectors.toList());
        if (!jvmArgs.isEmpty()) {
            options.jvmArgs(jvmArgs.toArray(String[]::new));
        }
        // JMH gives its forks the class path of this JVM; they must get the one the archives were dumped for
        String own = System.getProperty("java.class.path");
        System.setProperty("java.class.path", classpath);
        RunResult result;
        try {
            result = new Runner(options.build()).runSingle();
        } catch (RunnerException | RuntimeException e) {
            throw new MeasurementException(
                    "The JMH fork of " + benchmark + " [" + c.name() + "] failed: " + e.getMessage() + ". JVM options: "
                            + jvmArgs + "; JMH's output (" + output + "):\n" + tail(output),
                    e);
        } finally {
            System.setProperty("java.class.path", own);
        }
        return result.getPrimaryResult().getScore() / 1000.0;
    }

    private static String simpleName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "  (no output: " + e.getMessage() + ")";
        }
    }
}
