package io.pkgimage.core.link;

import io.pkgimage.core.PkgImageException;

/** Linking failed: the archive could not be dumped, or the JVM would not map it. */
public final class LinkException extends PkgImageException {
    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
