package io.pkgimage.samples.orders;

/** Thrown when a JSON document cannot be turned into an {@link Order}. */
public class OrderFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public OrderFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
