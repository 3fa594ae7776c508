package io.pkgimage.samples.contacts;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An address-book entry. Phone numbers are keyed by label ("home", "work", ...) and kept sorted by label. */
public record Contact(String name, List<String> emails, Map<String, String> phones) {

    public Contact {
        Objects.requireNonNull(name, "name is required");
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(phones));
    }
}
