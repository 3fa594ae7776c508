package it.p.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CounterEmptyTest {
    @Test
    void works() {
        assertEquals(0, it.p.app.Counter.count("").size());
    }

    @AfterAll
    static void recordTheJvm() throws Exception {
        Forks.record(CounterEmptyTest.class);
    }
}
