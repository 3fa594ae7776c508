package io.pkgimage.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCodecTests {

    private final OrderCodec codec = new OrderCodec();

    private static Order sampleOrder() {
        return new Order("A-1001", "Ada Lovelace", OrderStatus.PAID, "2025-03-14", List.of(
                new LineItem("BOOK-42", 2, new BigDecimal("12.50")),
                new LineItem("PEN-7", 3, new BigDecimal("1.99"))));
    }

    @Test
    void roundTripPreservesEveryField() {
        Order order = sampleOrder();

        Order copy = codec.read(codec.write(order));

        assertThat(copy).isEqualTo(order);
        assertThat(copy.items().get(0).unitPrice()).hasToString("12.50");
    }

    @Test
    void readsHandWrittenDocument() {
        String json = """
                {
                  "id": "B-7",
                  "customer": "Grace Hopper",
                  "status": "SHIPPED",
                  "createdAt": "2024-12-24",
                  "items": [
                    { "sku": "COBOL-1", "quantity": 1, "unitPrice": 99.95 },
                    { "sku": "NANOSECOND", "quantity": 10, "unitPrice": 0.10 }
                  ]
                }
                """;

        Order order = codec.read(json);

        assertThat(order.id()).isEqualTo("B-7");
        assertThat(order.customer()).isEqualTo("Grace Hopper");
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.createdAt()).isEqualTo("2024-12-24");
        assertThat(order.items()).extracting(LineItem::sku).containsExactly("COBOL-1", "NANOSECOND");
        assertThat(order.items().get(1).unitPrice()).isEqualByComparingTo("0.10");
    }

    @Test
    void writesFieldsInDeclarationOrderAndDecimalsInPlainNotation() {
        Order order = new Order("C-1", "Alan Turing", OrderStatus.NEW, "2025-01-01",
                List.of(new LineItem("BOMBE", 1, new BigDecimal("1E+3"))));

        assertThat(codec.write(order)).isEqualTo(
                "{\"id\":\"C-1\",\"customer\":\"Alan Turing\",\"status\":\"NEW\",\"createdAt\":\"2025-01-01\","
                        + "\"items\":[{\"sku\":\"BOMBE\",\"quantity\":1,\"unitPrice\":1000}]}");
    }

    @Test
    void ignoresUnknownProperties() {
        String json = """
                {"id": "D-1", "status": "NEW", "channel": "web", "tags": ["gift"],
                 "items": [{"sku": "MUG", "quantity": 1, "unitPrice": 8, "color": "blue"}]}
                """;

        Order order = codec.read(json);

        assertThat(order.id()).isEqualTo("D-1");
        assertThat(order.customer()).isNull();
        assertThat(order.items()).containsExactly(new LineItem("MUG", 1, new BigDecimal("8")));
    }

    @Test
    void missingItemsBecomeAnEmptyListWithZeroTotal() {
        Order order = codec.read("{\"id\": \"E-1\", \"status\": \"CANCELLED\"}");

        assertThat(order.items()).isEmpty();
        assertThat(codec.total(order)).isEqualByComparingTo("0");
    }

    @Test
    void totalSumsQuantityTimesUnitPrice() {
        assertThat(codec.total(sampleOrder())).isEqualTo(new BigDecimal("30.97"));
    }

    @Test
    void malformedDocumentRaisesOrderFormatException() {
        assertThatThrownBy(() -> codec.read("{\"id\": \"F-1\", \"status\": "))
                .isInstanceOf(OrderFormatException.class)
                .hasMessageStartingWith("Invalid order document:")
                .hasCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    void unknownStatusIsRejectedWithTheOffendingValue() {
        assertThatThrownBy(() -> codec.read("{\"id\": \"G-1\", \"status\": \"LOST\"}"))
                .isInstanceOf(OrderFormatException.class)
                .hasMessageContaining("LOST");
    }

    @Test
    void missingIdIsRejected() {
        assertThatThrownBy(() -> codec.read("{\"status\": \"NEW\"}"))
                .isInstanceOf(OrderFormatException.class)
                .hasMessageContaining("id is required");
    }

    @Test
    void nonPositiveQuantityIsRejected() {
        String json = "{\"id\": \"H-1\", \"status\": \"NEW\", \"items\": [{\"sku\": \"X\", \"quantity\": 0, \"unitPrice\": 1}]}";

        assertThatThrownBy(() -> codec.read(json))
                .isInstanceOf(OrderFormatException.class)
                .hasMessageContaining("quantity must be positive");
    }
}
