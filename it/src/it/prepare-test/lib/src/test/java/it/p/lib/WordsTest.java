package it.p.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void works() {
        assertEquals(java.util.List.of("a", "b"), it.p.lib.Words.of("A, b!"));
    }

    @AfterAll
    static void recordTheJvm() throws Exception {
        Forks.record(WordsTest.class);
    }
}
