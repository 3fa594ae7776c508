package it.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTests {
    @Test
    void lowerCasesAndSorts() {
        assertEquals(List.of("a", "b"), Tags.of(" B", "A "));
    }
}
