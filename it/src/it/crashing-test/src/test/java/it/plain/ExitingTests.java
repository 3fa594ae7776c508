package it.plain;

import org.junit.jupiter.api.Test;

class ExitingTests {
    @Test
    void exits() {
        System.out.println("about to call System.exit(3)");
        System.exit(3);
    }
}
