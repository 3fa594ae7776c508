package it.skip;

import org.junit.jupiter.api.Test;

class StartupTests {
    @Test
    void runs() {
        Startup.main(new String[0]);
    }
}
