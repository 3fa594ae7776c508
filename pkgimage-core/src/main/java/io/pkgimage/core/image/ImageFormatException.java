package io.pkgimage.core.image;

import io.pkgimage.core.PkgImageException;

/** A file is not a readable package image: corrupt, truncated, foreign, hostile or of another format version. */
public final class ImageFormatException extends PkgImageException {
    private static final long serialVersionUID = 1L;

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
