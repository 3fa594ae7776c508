package it.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GreeterTests {
    @Test
    void greets() {
        assertEquals("ada x2, grace x1", Greeter.greet(Map.of("grace", 1, "ada", 2)));
    }
}
