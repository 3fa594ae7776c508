package io.pkgimage.core.image;

import java.util.List;

/**
 * What the training run did.
 *
 * @param mode {@code tests} when the package's tests ran, {@code classes} when there were none and the
 *     package's classes were only loaded
 * @param run tests that ran to an end
 * @param failed tests that failed
 * @param skipped tests skipped or aborted
 * @param wallMillis wall time of the training JVM, start to exit
 * @param failures the failing tests, one line each ({@code test — exception: message})
 */
public record TrainingSummary(String mode, int run, int failed, int skipped, long wallMillis, List<String> failures) {
    public TrainingSummary {
        if (!mode.equals("tests") && !mode.equals("classes")) {
            throw new IllegalArgumentException("Unknown training mode '" + mode + "'");
        }
        failures = failures.stream().filter(f -> !f.isBlank()).toList();
    }
}
