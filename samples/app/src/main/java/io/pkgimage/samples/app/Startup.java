package io.pkgimage.samples.app;

import io.pkgimage.samples.contacts.ContactCodec;
import io.pkgimage.samples.orders.OrderCodec;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The application's start-up and nothing else: reads its settings and builds its services, then exits. This is
 * what frameworks advise to train a JVM cache on (start, then exit); {@code pkgimage:record} records it into the
 * application's image. It never reads or writes a document, so the first Jackson and Gson calls of {@link FirstCall}
 * are calls that no start-up training saw.
 */
public final class Startup {
    static final String SETTINGS = """
            orders.currency=EUR
            orders.maxItems=100
            contacts.maxEmails=5
            """;

    private Startup() {
    }

    public static void main(String[] args) {
        Properties settings = new Properties();
        try {
            settings.load(new StringReader(SETTINGS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OrderCodec orders = new OrderCodec();
        ContactCodec contacts = new ContactCodec();
        System.out.println("started with " + settings.size() + " settings: " + orders.getClass().getSimpleName() + ", "
                + contacts.getClass().getSimpleName());
    }
}
