package io.pkgimage.core.training;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training JVM left behind.
 *
 * @param classlist the recorded classlist
 * @param run tests run (or classes loaded)
 * @param failed tests failed (or classes that failed to load)
 * @param skipped tests skipped or aborted
 * @param failures one line per failure
 * @param gc the child's garbage collector
 * @param compressedOops whether the child used compressed object pointers
 * @param vendor the child's VM vendor
 * @param runtimeVersion the child's full JDK build
 * @param feature the child's feature release
 * @param wallMillis start to exit of the child
 * @param origin which JVMs ran the workload: pkgimage's training JVM or the build's test JVMs (a {@code
 *     TrainingSummary} origin)
 * @param jvms how many JVMs ran it
 */
public record TrainingOutcome(
        Path classlist,
        int run,
        int failed,
        int skipped,
        List<String> failures,
        String gc,
        boolean compressedOops,
        String vendor,
        String runtimeVersion,
        int feature,
        long wallMillis,
        String origin,
        int jvms) {}
