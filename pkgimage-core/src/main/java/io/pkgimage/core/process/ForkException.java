package io.pkgimage.core.process;

import io.pkgimage.core.PkgImageException;

/** A child JVM could not be started or waited for. */
public final class ForkException extends PkgImageException {
    private static final long serialVersionUID = 1L;

    public ForkException(String message, Throwable cause) {
        super(message, cause);
    }
}
