package io.pkgimage.benchmarks;

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
}
