package it.p.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MoreWordsTest {
    @Test
    void works() {
        assertEquals(0, it.p.lib.Words.of(" ,, ").size());
    }

    @AfterAll
    static void recordTheJvm() throws Exception {
        Forks.record(MoreWordsTest.class);
    }
}
