package it.p.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CounterIT {
    @Test
    void works() {
        assertEquals(2L, it.p.app.Counter.count("to be or not to be").get("be"));
    }

    @AfterAll
    static void recordTheJvm() throws Exception {
        Forks.record(CounterIT.class);
    }
}
