package it.a;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugTests {
    @Test
    void slugs() {
        assertEquals("creme-brulee-for-two", Slug.of("Crème Brûlée, for two!"));
    }
}
