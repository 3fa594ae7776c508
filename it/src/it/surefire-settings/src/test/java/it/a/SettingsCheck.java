package it.a;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SettingsCheck {
    @Test
    void seesSurefireSettings() {
        assertEquals("hello", System.getProperty("greeting"));
        assertEquals("yes", System.getProperty("from.argline"));
        assertEquals("resolved", System.getProperty("from.late"));
        assertEquals("strict", System.getenv("SLUG_MODE"));
        assertEquals(256L << 20, Runtime.getRuntime().maxMemory(), 32L << 20);
        // the working directory is the module's, as with Surefire
        assertEquals(true, Files.isRegularFile(Path.of("pom.xml")));
    }

    @Test
    void slugs() {
        assertEquals("a-b", Slug.of("A b"));
    }

    @Test
    @Tag("slow")
    void excludedByTag() {
        fail("excludedGroups must keep this test out");
    }
}
