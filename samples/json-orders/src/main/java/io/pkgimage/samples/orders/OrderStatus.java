package io.pkgimage.samples.orders;

/** Lifecycle state of an {@link Order}. */
public enum OrderStatus {
    NEW,
    PAID,
    SHIPPED,
    CANCELLED
}
