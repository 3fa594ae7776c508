package io.pkgimage.samples.contacts;

/** Thrown when a JSON document cannot be turned into {@link Contact}s. */
public class ContactFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ContactFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
