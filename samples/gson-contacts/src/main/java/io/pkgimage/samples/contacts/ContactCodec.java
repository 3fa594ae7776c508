package io.pkgimage.samples.contacts;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.List;

/** Reads and writes {@link Contact} documents with Gson. Unknown properties are ignored. */
public final class ContactCodec {

    private static final Type CONTACT_LIST = new TypeToken<List<Contact>>() { }.getType();

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    public String write(Contact contact) {
        return gson.toJson(contact);
    }

    public String writeAll(List<Contact> contacts) {
        return gson.toJson(contacts, CONTACT_LIST);
    }

    public Contact read(String json) {
        return parse(json, Contact.class);
    }

    public List<Contact> readAll(String json) {
        List<Contact> contacts = parse(json, CONTACT_LIST);
        return List.copyOf(contacts);
    }

    private <T> T parse(String json, Type type) {
        T value;
        try {
            value = gson.fromJson(json, type);
        } catch (RuntimeException e) {
            // Gson wraps reader errors in JsonParseException and constructor failures (such as a
            // missing name) in a plain RuntimeException; either way the cause carries the reason.
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new ContactFormatException("Invalid contact document: " + reason.getMessage(), e);
        }
        if (value == null) {
            throw new ContactFormatException("Invalid contact document: empty input", null);
        }
        return value;
    }
}
