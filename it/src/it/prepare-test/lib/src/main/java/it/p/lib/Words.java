package it.p.lib;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

public final class Words {
    private Words() {}

    public static List<String> of(String text) {
        return Arrays.stream(text.split("\\W+")).filter(w -> !w.isEmpty()).map(String::toLowerCase).collect(Collectors.toList());
    }
}
