package it.a;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class BrokenCheck {
    @Test
    void excluded() {
        fail("the excludes must keep this class out");
    }
}
