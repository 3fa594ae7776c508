package io.pkgimage.samples.orders;

import java.util.List;
import java.util.Objects;

/**
 * A customer order. {@code createdAt} is an ISO-8601 calendar date such as {@code 2025-03-14}.
 */
public record Order(String id, String customer, OrderStatus status, String createdAt, List<LineItem> items) {

    public Order {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(status, "status is required");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
