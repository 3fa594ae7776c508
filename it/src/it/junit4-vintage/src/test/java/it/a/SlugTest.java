package it.a;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SlugTest {
    @Test
    public void slugs() {
        assertEquals("a-b", Slug.of("A b"));
    }

    @Test
    public void trims() {
        assertEquals("x", Slug.of("  x  "));
    }
}
