package it.o;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reads String's private field, which only --add-opens java.base/java.lang allows. */
class OpensTests {
    @Test
    @Tag("fast")
    void readsTheValueOfAString() throws Exception {
        Field value = String.class.getDeclaredField("value");
        value.setAccessible(true);
        assertNotNull(value.get(Strings.shout("hi")));
    }

    @Test
    @Tag("fast")
    void shouts() {
        assertEquals("HI!", Strings.shout("hi"));
    }

    @Test
    void readsTheValueSlowly() throws Exception {
        Field value = String.class.getDeclaredField("value");
        value.setAccessible(true);
        assertEquals(3, ((byte[]) value.get("abc")).length);
    }
}
