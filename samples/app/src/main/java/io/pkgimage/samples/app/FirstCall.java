package io.pkgimage.samples.app;

import io.pkgimage.samples.contacts.Contact;
import io.pkgimage.samples.contacts.ContactCodec;
import io.pkgimage.samples.orders.Order;
import io.pkgimage.samples.orders.OrderCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Measures the first Jackson call and the first Gson call of a fresh JVM.
 *
 * <p>Prints {@code first-call jackson <micros>} and {@code first-call gson <micros>}, followed by one
 * deterministic {@code result ...} line per workload so that correctness can be checked.
 */
public final class FirstCall {

    static final String ORDER_JSON = """
            {
              "id": "A-1001",
              "customer": "Ada Lovelace",
              "status": "PAID",
              "createdAt": "2025-03-14",
              "items": [
                { "sku": "BOOK-42", "quantity": 2, "unitPrice": 12.50 },
                { "sku": "PEN-7", "quantity": 3, "unitPrice": 1.99 },
                { "sku": "INK-1", "quantity": 1, "unitPrice": 4.25 }
              ]
            }
            """;

    static final String CONTACTS_JSON = """
            [
              { "name": "Ada Lovelace", "emails": ["ada@example.org"],
                "phones": { "work": "+44 20 7946 0001", "home": "+44 20 7946 0000" } },
              { "name": "Grace Hopper", "emails": ["grace@navy.example", "hopper@example.org"],
                "phones": { "office": "+1 555 0199" } }
            ]
            """;

    private FirstCall() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        String jackson = jacksonWorkload();
        long afterJackson = System.nanoTime();
        String gson = gsonWorkload();
        long afterGson = System.nanoTime();

        System.out.println("first-call jackson " + (afterJackson - start) / 1_000);
        System.out.println("first-call gson " + (afterGson - afterJackson) / 1_000);
        System.out.println("result jackson " + jackson);
        System.out.println("result gson " + gson);
    }

    static String jacksonWorkload() {
        OrderCodec codec = new OrderCodec();
        Order order = codec.read(ORDER_JSON);
        String json = codec.write(order);
        return "total=" + codec.total(order).toPlainString() + " items=" + order.items().size() + " crc32=" + crc32(json);
    }

    static String gsonWorkload() {
        ContactCodec codec = new ContactCodec();
        List<Contact> contacts = codec.readAll(CONTACTS_JSON);
        String json = codec.writeAll(contacts);
        int emails = contacts.stream().mapToInt(contact -> contact.emails().size()).sum();
        return "contacts=" + contacts.size() + " emails=" + emails + " crc32=" + crc32(json);
    }

    private static String crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
