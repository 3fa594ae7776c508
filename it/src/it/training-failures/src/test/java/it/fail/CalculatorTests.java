package it.fail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalculatorTests {
    @Test
    void adds() {
        assertEquals(5, new Calculator().add(2, 3));
    }

    @Test
    void dividesWrongly() {
        assertEquals(4, new Calculator().divide(7, 2), "deliberately wrong expectation");
    }
}
