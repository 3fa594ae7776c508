package io.pkgimage.core.training;

import java.util.List;

/** Tests failed during training and the request made that fatal ({@code failOnTrainingFailure}). */
public final class TrainingFailuresException extends TrainingException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> failures;

    public TrainingFailuresException(String message, List<String> failures) {
        super(message);
        this.failures = List.copyOf(failures);
    }

    /** The failing tests, one line each. */
    public List<String> failures() {
        return failures;
    }
}
