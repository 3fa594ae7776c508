package io.pkgimage.benchmarks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a package typically uses Jackson databind: beans, records, collections, the tree model. */
class JacksonTrainingTests {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Kind {
        BOOK,
        MUSIC
    }

    public static class Item {
        public String title;
        public Kind kind;
        public double price;
        public List<String> tags;

        @JsonProperty("in_stock")
        public boolean inStock;
    }

    record Shelf(String name, List<Item> items, Map<String, Integer> counts) {}

    @Test
    void beansRoundTrip() throws Exception {
        Item item = mapper.readValue(
                "{\"title\":\"Dune\",\"kind\":\"BOOK\",\"price\":9.5,\"tags\":[\"sf\"],\"in_stock\":true}", Item.class);
        assertEquals("Dune", item.title);
        assertEquals(Kind.BOOK, item.kind);
        assertTrue(mapper.writeValueAsString(item).contains("\"in_stock\" : true"));
    }

    @Test
    void recordsAndGenericCollections() throws Exception {
        String json = "{\"name\":\"a\",\"items\":[{\"title\":\"x\",\"kind\":\"MUSIC\",\"price\":1,\"tags\":[]}],"
                + "\"counts\":{\"x\":1}}";
        Shelf shelf = mapper.readValue(json, Shelf.class);
        assertEquals(1, shelf.items().size());
        List<Map<String, Object>> list =
                mapper.readValue("[{\"a\":1},{\"b\":[true,null]}]", new TypeReference<List<Map<String, Object>>>() {});
        assertEquals(2, list.size());
        String written = mapper.writeValueAsString(shelf);
        assertEquals(written, mapper.writeValueAsString(mapper.readValue(written, Shelf.class)));
    }

    record Amounts(BigDecimal price, BigInteger count, long id, float ratio, List<BigDecimal> history) {}

    @Test
    void numbers() throws Exception {
        Amounts a = mapper.readValue(
                "{\"price\":19.99,\"count\":12345678901234567890,\"id\":7,\"ratio\":0.5,\"history\":[1.10,2]}",
                Amounts.class);
        assertEquals(new BigDecimal("19.99"), a.price());
        assertEquals(new BigInteger("12345678901234567890"), a.count());
        assertEquals(2, a.history().size());
        JsonNode exact = mapper.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree("{\"x\":0.1}");
        assertEquals(new BigDecimal("0.1"), exact.get("x").decimalValue());
        assertTrue(mapper.writeValueAsString(a).contains("19.99"));
    }

    @Test
    void treeModel() throws Exception {
        JsonNode tree = mapper.readTree("{\"a\":{\"b\":[1,2,3]},\"c\":\"d\"}");
        assertEquals(3, tree.path("a").path("b").size());
        assertEquals("d", tree.get("c").asText());
    }
}
