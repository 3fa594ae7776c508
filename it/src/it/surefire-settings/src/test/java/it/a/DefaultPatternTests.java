package it.a;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class DefaultPatternTests {
    @Test
    void notIncluded() {
        fail("the includes replace Surefire's defaults, so this class must not run");
    }
}
