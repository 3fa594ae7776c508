package it.onerun;

import java.util.List;

/** Reads an order and writes it back. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Orders.Order order = Orders.read("{\"id\":\"A-1\",\"items\":[\"tea\",\"milk\"],\"total\":4.5}");
        System.out.println("orders: " + Orders.write(order) + " total=" + Orders.total(List.of(order, order)));
    }
}
