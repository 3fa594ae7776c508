package it.dist;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes orders with Jackson; prints the result, its arguments and its working directory. */
public final class Main {
    public record Order(String id, List<String> items, double total) {}

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Order order = mapper.readValue("{\"id\":\"A-1\",\"items\":[\"tea\",\"milk\"],\"total\":4.5}", Order.class);
        System.out.println("orders: " + mapper.writeValueAsString(order) + " args=" + List.of(args)
                + " cwd=" + Path.of("").toAbsolutePath());
    }
}
