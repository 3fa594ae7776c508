package it.o;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OtherTests {
    @Test
    @Tag("fast")
    void shoutsEmpty() {
        assertEquals("!", Strings.shout(""));
    }
}
