package io.pkgimage.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full run's command line: every bad value is named before anything runs. */
class FirstCallRunTests {
    @TempDir
    Path dir;

    @Test
    void aMissingJdkIsNamedWithTheInstalledOnes() {
        String message = failure("--forks", "1", "16=" + dir);

        assertTrue(message.startsWith("No JDK 16 found in "), message);
        assertTrue(message.contains("usage: java -jar benchmarks.jar"), message);
    }

    @Test
    void anImagesFolderWithoutImagesIsNamed() {
        String message = failure(Runtime.version().feature() + "=" + dir);

        assertTrue(message.startsWith("no *-pkgimage.jar in '" + dir + "'; train them first"), message);
    }

    @Test
    void aMissingImagesFolderIsNamed() {
        Path missing = dir.resolve("nowhere");

        String message = failure(Runtime.version().feature() + "=" + missing);

        assertTrue(message.startsWith("cannot list the images folder '" + missing + "'"), message);
    }

    @Test
    void badOptionsAreNamed() throws Exception {
        Files.createFile(dir.resolve("a-pkgimage.jar"));

        assertTrue(failure("--forks", "none", "17=" + dir)
                .startsWith("--forks takes a positive whole number, not 'none'"));
        assertTrue(failure("--workloads", "kafka", "17=" + dir).startsWith("unknown workload 'kafka'"));
        assertTrue(failure("17").startsWith("'17' is not JDK=IMAGES_DIR"));
        assertTrue(failure().startsWith("no JDK=IMAGES_DIR given"));
        assertTrue(failure("--out").startsWith("--out needs a value"));
        assertTrue(failure("--app", "x", "17=" + dir).startsWith("--app takes JDK=PREFIX, not 'x'"));
        assertTrue(failure("--app", "17=" + dir.resolve("app"), "17=" + dir)
                .startsWith("no command file '" + dir.resolve("app") + "-plain.cmd'"));
        assertTrue(failure("--app", "25=" + dir.resolve("app"), "17=" + dir)
                .startsWith("--app for a JDK that is not measured: [25]"));
    }

    private static String failure(String... args) {
        return assertThrows(FirstCallRun.UsageException.class, () -> FirstCallRun.run(args))
                .getMessage();
    }
}
