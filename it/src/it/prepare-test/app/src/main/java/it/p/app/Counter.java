package it.p.app;

import it.p.lib.Words;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class Counter {
    private Counter() {}

    public static Map<String, Long> count(String text) {
        return Words.of(text).stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
