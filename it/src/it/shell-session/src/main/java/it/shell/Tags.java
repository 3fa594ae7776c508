package it.shell;

import java.util.List;
import java.util.Locale;

/** Normalises tags; its tests never touch Gson. */
public final class Tags {
    private Tags() {}

    public static List<String> of(String... tags) {
        return java.util.Arrays.stream(tags).map(t -> t.trim().toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
