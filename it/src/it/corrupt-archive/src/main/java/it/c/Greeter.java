package it.c;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

public final class Greeter {
    private Greeter() {}

    public static String greet(Map<String, Integer> visits) {
        return new TreeMap<>(visits)
                .entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    public static void main(String[] args) {
        System.out.println("greeted " + greet(Map.of("ada", 2, "grace", 1)));
    }
}
