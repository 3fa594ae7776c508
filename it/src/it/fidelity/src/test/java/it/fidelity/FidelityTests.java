package it.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each passes under Surefire; each must pass in training and in both JVMs of the harness. */
class FidelityTests {
    @Test
    void aScanOfItsOwnPackageFindsItsClasses() throws Exception {
        assertEquals(new TreeSet<>(List.of("English", "French")), Probe.scan("it.fidelity.scanned"));
    }

    @Test
    void aTestResourceOpensAsAFileAndAsAPath() throws Exception {
        URL url = getClass().getResource("/fixture/data.txt");
        File file = new File(url.toURI());
        assertEquals("a test resource", Files.readString(file.toPath(), StandardCharsets.UTF_8).trim());
        Path path = Paths.get(url.toURI());
        assertEquals("a test resource", Files.readString(path, StandardCharsets.UTF_8).trim());
    }

    @Test
    void itsCodeSourceExists() throws Exception {
        assertTrue(Probe.codeSourceExists());
        assertTrue(new File(getClass().getProtectionDomain().getCodeSource().getLocation().toURI()).isDirectory());
    }

    @Test
    void itReadsItsOwnManifest() throws Exception {
        assertEquals("fidelity", Probe.ownManifestAttribute("X-Fidelity-Module"));
    }

    @Test
    void itsServicesAreLoaded() {
        assertEquals(List.of("Hello, Ada"), Probe.greetings());
    }

    @Test
    void aTestResourceShadowsTheModulesOwnOnceAndOnlyOnce() throws Exception {
        assertEquals("test", Probe.setting("greeting"));
        assertEquals(2, Probe.settingsFiles());
        assertEquals("data of the module", Probe.data());
    }
}
