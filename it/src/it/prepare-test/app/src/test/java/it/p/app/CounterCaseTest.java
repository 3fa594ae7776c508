package it.p.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CounterCaseTest {
    @Test
    void works() {
        assertEquals(2L, it.p.app.Counter.count("Go go").get("go"));
    }

    @AfterAll
    static void recordTheJvm() throws Exception {
        Forks.record(CounterCaseTest.class);
    }
}
