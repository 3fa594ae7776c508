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
 */
public record TrainingSummary(String mode, int run, int failed, int skipped, long wallMillis, List<String> failures) {
    /** The known modes. */
    public static final List<String> MODES = List.of("tests", "classes", "main", "integration-tests", "shell");

    public TrainingSummary {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("Unknown training mode '" + mode + "'");
        }
        failures = failures.stream().filter(f -> !f.isBlank()).toList();
    }
}
