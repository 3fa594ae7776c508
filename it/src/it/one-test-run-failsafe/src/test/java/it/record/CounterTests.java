package it.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterTests {
    @Test
    void countsWords() {
        assertEquals(3, Counter.words(" one two  three "));
    }
}
