package it.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugTests {
    @Test
    void joinsWordsWithDashes() {
        assertEquals("hello-world", Slug.of(" Hello World "));
    }
}
