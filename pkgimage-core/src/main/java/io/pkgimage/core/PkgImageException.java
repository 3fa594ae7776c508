package io.pkgimage.core;

/** Base of the typed errors that pkgimage reports; each message names the bad input and the fix. */
public class PkgImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PkgImageException(String message) {
        super(message);
    }

    public PkgImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
