package io.pkgimage.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Each benchmark is the first call of one library in a fresh JVM: one fork, no warm-up, one call. */
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FirstCallBenchmarks {
    /** The file with the sample application's command line, one argument a line, for {@link #app()}. */
    public static final String APP_COMMAND = "pkgimage.benchmarks.app";

    @Benchmark
    public String jackson() {
        return Workloads.jackson();
    }

    @Benchmark
    public String gson() {
        return Workloads.gson();
    }

    @Benchmark
    public String guava() {
        return Workloads.guava();
    }

    @Benchmark
    public String lang3() {
        return Workloads.lang3();
    }

    /**
     * The whole process: the sample application started in its own fresh JVM, from its start to its first result
     * line. Its command line (plain, with the linked images, or with the JDK's AOT cache) comes from the file named
     * by {@value #APP_COMMAND}, as {@code samples/first-call.sh} writes it.
     */
    @Benchmark
    public String app() throws IOException, InterruptedException {
        String file = System.getProperty(APP_COMMAND);
        if (file == null) {
            throw new IllegalStateException("-D" + APP_COMMAND + " names no command file; benchmarks/run.sh sets it"
                    + " to one that samples/first-call.sh wrote");
        }
        List<String> command = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("result ")) {
                    return line;
                }
            }
        } finally {
            process.destroy();
            process.waitFor();
        }
        throw new IllegalStateException("The sample application printed no result line (exit code "
                + process.exitValue() + "); command: " + command);
    }
}
