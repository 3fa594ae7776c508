package io.pkgimage.samples.orders;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of an {@link Order}: {@code quantity} units of {@code sku} at {@code unitPrice} each. */
public record LineItem(String sku, int quantity, BigDecimal unitPrice) {

    public LineItem {
        Objects.requireNonNull(sku, "sku is required");
        Objects.requireNonNull(unitPrice, "unitPrice is required");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
