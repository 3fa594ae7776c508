package it.plain;

import org.junit.jupiter.api.Test;

class HangingTests {
    @Test
    void hangs() throws InterruptedException {
        System.out.println("hanging now");
        Thread.sleep(600_000);
    }
}
