package it.a;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitleTests {
    @Test
    void titles() {
        assertEquals("Warm Start", Title.of("  wARM   start "));
    }
}
