package it.producer.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersTests {
    @Test
    void sums() {
        assertEquals(6, Numbers.sum("[1,2,3]"));
    }

    @Test
    void ranges() {
        assertEquals(List.of(0, 1, 2), Numbers.range(3));
    }
}
