package it.onerun;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Orders read and written as JSON. */
public final class Orders {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An order. */
    public record Order(String id, List<String> items, double total) {}

    private Orders() {}

    public static Order read(String json) throws Exception {
        return MAPPER.readValue(json, Order.class);
    }

    public static String write(Order order) throws Exception {
        return MAPPER.writeValueAsString(order);
    }

    public static double total(List<Order> orders) {
        return orders.stream().mapToDouble(Order::total).sum();
    }
}
