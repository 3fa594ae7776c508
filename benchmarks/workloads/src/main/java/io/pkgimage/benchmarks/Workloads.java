package io.pkgimage.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Splitter;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.collect.ImmutableMap;
import com.google.gson.Gson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.builder.ToStringBuilder;
import org.apache.commons.lang3.builder.ToStringStyle;
import org.apache.commons.lang3.reflect.FieldUtils;

/**
 * The first calls that the benchmarks time, each what an application does first with a library. Each returns a
 * deterministic result, so that every configuration can be checked to compute the same thing.
 */
public final class Workloads {
    private Workloads() {}

    /** Prints {@code result <workload> <value>} for each workload named (all by default), for comparing JVMs. */
    public static void main(String[] args) {
        List<String> names = args.length == 0 ? List.of("jackson", "gson", "guava", "lang3") : List.of(args);
        for (String name : names) {
            String value =
                    switch (name) {
                        case "jackson" -> jackson();
                        case "gson" -> gson();
                        case "guava" -> guava();
                        case "lang3" -> lang3();
                        default -> throw new IllegalArgumentException("No workload " + name);
                    };
            System.out.println("result " + name + " " + value);
        }
    }

    /** An order read from JSON and written back, as a service would. */
    public record Order(String id, String customer, List<Line> lines) {
        public record Line(String sku, int quantity, BigDecimal unitPrice) {}
    }

    static final String ORDER =
            "{\"id\":\"A-1001\",\"customer\":\"Ada\",\"lines\":[{\"sku\":\"BOOK-42\",\"quantity\":2,"
                    + "\"unitPrice\":12.50},{\"sku\":\"PEN-7\",\"quantity\":3,\"unitPrice\":1.99}]}";

    /** A contact, for Gson. */
    public static final class Contact {
        String name;
        List<String> emails;
        Map<String, String> phones;
    }

    static final String CONTACTS = "[{\"name\":\"Ada\",\"emails\":[\"ada@example.org\"],\"phones\":{\"work\":\"1\"}},"
            + "{\"name\":\"Grace\",\"emails\":[\"g@example.org\",\"h@example.org\"],\"phones\":{}}]";

    public static String jackson() {
        try {
            ObjectMapper mapper = new ObjectMapper();
            Order order = mapper.readValue(ORDER, Order.class);
            return order.lines().size() + " " + mapper.writeValueAsString(order).length();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String gson() {
        Gson gson = new Gson();
        Contact[] contacts = gson.fromJson(CONTACTS, Contact[].class);
        return contacts.length + " " + gson.toJson(contacts).length();
    }

    public static String guava() {
        ImmutableMap<String, Integer> sizes = ImmutableMap.of("small", 1, "medium", 5, "large", 10);
        LoadingCache<String, Integer> cache =
                CacheBuilder.newBuilder().maximumSize(100).build(CacheLoader.from(k -> sizes.getOrDefault(k, 0)));
        List<String> keys = Splitter.on(',').trimResults().splitToList("small, large ,medium");
        return keys.stream().mapToInt(cache::getUnchecked).sum() + " " + cache.size();
    }

    /** A value object whose helpers are all reflection-driven. */
    public static final class Point {
        private final int x;
        private final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    public static String lang3() {
        try {
            Point p = new Point(3, 4);
            String s = ToStringBuilder.reflectionToString(p, ToStringStyle.JSON_STYLE);
            Object x = FieldUtils.readField(p, "x", true);
            return StringUtils.abbreviate(StringUtils.upperCase(s), 20) + " " + x + " "
                    + StringUtils.countMatches(s, ':');
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
