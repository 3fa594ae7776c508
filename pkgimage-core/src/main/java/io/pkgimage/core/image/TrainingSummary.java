package io.pkgimage.core.image;

import java.util.List;

/**
 * What the training run did.
 *
 * @param mode {@code tests} when the package's tests ran, {@code classes} when there were none and the
 *     package's classes were only loaded; for recorded workloads {@code main} (a main class ran: {@code run} is 1 or
 *     0), {@code integration-tests} or {@code shell} (snippets evaluated)
 * @param run tests that ran to an end
 * @param failed tests that failed
 * @param skipped tests skipped or aborted
 * @param wallMillis wall time of the training JVM, start to exit
 * @param failures the failing tests, one line each ({@code test — exception: message})
 * @param origin which JVMs ran the workload: {@value #TRAINING} (pkgimage's own training JVM), {@value #SUREFIRE} or
 *     {@value #FAILSAFE} (the build's own test JVMs, recorded through {@code pkgimage:prepare})
 * @param jvms how many JVMs ran it
 */
public record TrainingSummary(
        String mode,
        int run,
        int failed,
        int skipped,
        long wallMillis,
        List<String> failures,
        String origin,
        int jvms) {
    /** The known modes. */
    public static final List<String> MODES = List.of("tests", "classes", "main", "integration-tests", "shell");
    /** pkgimage's own training JVM ran the workload. */
    public static final String TRAINING = "training";
    /** The build's Surefire test JVMs ran it, recorded. */
    public static final String SUREFIRE = "surefire";
    /** The build's Failsafe test JVMs ran it, recorded. */
    public static final String FAILSAFE = "failsafe";
    /** The known origins. */
    public static final List<String> ORIGINS = List.of(TRAINING, SUREFIRE, FAILSAFE);

    public TrainingSummary {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("Unknown training mode '" + mode + "'");
        }
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("Unknown training origin '" + origin + "' (known: " + ORIGINS + ")");
        }
        if (jvms < 1) {
            throw new IllegalArgumentException("A workload runs in at least one JVM, not " + jvms);
        }
        failures = failures.stream().filter(f -> !f.isBlank()).toList();
    }

    /** What pkgimage's own training JVM did. */
    public TrainingSummary(String mode, int run, int failed, int skipped, long wallMillis, List<String> failures) {
        this(mode, run, failed, skipped, wallMillis, failures, TRAINING, 1);
    }
}
