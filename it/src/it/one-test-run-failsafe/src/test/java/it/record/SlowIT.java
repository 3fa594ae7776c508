package it.record;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class SlowIT {
    @Test
    void excludedByFailsafe() {
        fail("Failsafe's <excludes> leave this test out");
    }
}
