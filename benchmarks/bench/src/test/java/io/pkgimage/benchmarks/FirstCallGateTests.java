package io.pkgimage.benchmarks;

import io.pkgimage.junit.FirstCallLatency;

/**
 * The latency regression gate that CI runs: the first Jackson and Gson call, imaged vs plain, in fresh JVMs, with
 * the images that the training modules' own tests trained. Ratios only, never absolute times.
 */
class FirstCallGateTests {
    /** The one place the gate's threshold is set: imaged/plain above it fails the build (measured ~0.3, see docs). */
    static final double MAX_RATIO = 0.5;

    /** Fresh JVMs per configuration: enough for a stable median on two cores, few enough for CI. */
    static final int FORKS = 9;

    @FirstCallLatency(
            benchmark = "io.pkgimage.benchmarks.FirstCallBenchmarks.jackson",
            maxRatio = MAX_RATIO,
            forks = FORKS)
    void jackson() {}

    @FirstCallLatency(
            benchmark = "io.pkgimage.benchmarks.FirstCallBenchmarks.gson",
            maxRatio = MAX_RATIO,
            forks = FORKS)
    void gson() {}
}
