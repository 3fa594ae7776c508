package io.pkgimage.core.jdk;

import io.pkgimage.core.PkgImageException;

/** A path or version that was asked for as the target JDK is not a usable JDK. */
public final class InvalidJdkException extends PkgImageException {
    private static final long serialVersionUID = 1L;

    public InvalidJdkException(String message) {
        super(message);
    }
}
