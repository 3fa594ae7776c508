package it.producer.words;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTests {
    @Test
    void splits() {
        assertEquals(List.of("hello", "big", "world"), Words.split("Hello, big World!"));
    }

    @Test
    void writesJson() {
        assertEquals("[\"a\",\"b\"]", Words.toJson("a b"));
    }
}
