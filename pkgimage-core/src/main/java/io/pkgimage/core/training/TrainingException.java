package io.pkgimage.core.training;

import io.pkgimage.core.PkgImageException;

/** The training JVM could not be run, crashed, hung past its timeout, or (when asked) had failing tests. */
public class TrainingException extends PkgImageException {
    private static final long serialVersionUID = 1L;

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
