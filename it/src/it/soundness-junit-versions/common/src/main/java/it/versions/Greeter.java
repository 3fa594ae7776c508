package it.versions;

import java.util.List;
import java.util.stream.Collectors;

/** The package under test: its classes are what the image holds. */
public final class Greeter {
    public String greet(String name) {
        return "Hello, " + name;
    }

    public String greetAll(List<String> names) {
        return names.stream().map(this::greet).collect(Collectors.joining("; "));
    }
}
