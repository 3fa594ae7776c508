package it.b;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleTests {
    @Test
    void writesJson() {
        assertEquals("{\"title\":\"Hello World\",\"slug\":\"hello-world\"}", Article.titled("Hello World").toJson());
    }

    @Test
    void readsJson() {
        assertEquals(Article.titled("A b"), Article.fromJson("{\"title\":\"A b\",\"slug\":\"a-b\"}"));
    }
}
