package it.a;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public final class Title {
    private Title() {}

    public static String of(String text) {
        return Arrays.stream(text.trim().split("\\s+"))
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }
}
