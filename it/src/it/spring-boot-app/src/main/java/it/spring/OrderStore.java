package it.spring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class OrderStore {

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    public OrderStore(@Value("${orders.prefix}") String prefix) {
        this.prefix = prefix;
    }

    public String save(Order order) {
        String id = prefix + sequence.incrementAndGet();
        orders.put(id, order);
        return id;
    }

    public Optional<Order> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }
}
