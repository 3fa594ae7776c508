package io.pkgimage.samples.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/**
 * Reads and writes {@link Order} documents with Jackson. Unknown properties are ignored so that
 * newer producers can add fields; anything else that does not fit raises {@link OrderFormatException}.
 */
public final class OrderCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public String write(Order order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write order " + order.id(), e);
        }
    }

    public Order read(String json) {
        try {
            return mapper.readValue(json, Order.class);
        } catch (JsonProcessingException e) {
            throw new OrderFormatException("Invalid order document: " + e.getOriginalMessage(), e);
        }
    }

    public BigDecimal total(Order order) {
        return order.items().stream()
                .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
