package it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.b.Article;
import org.junit.jupiter.api.Test;

class MainTests {
    @Test
    void roundTrips() {
        assertEquals("warm-start-always", Article.fromJson(Article.titled("Warm Start, Always").toJson()).slug());
    }
}
