package io.pkgimage.core.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistWriterTests {
    @TempDir
    Path dir;

    @Test
    void theDistHoldsTheJarsImagesLauncherAndAStartScriptAndReplacesAnOldOneWhole() throws IOException {
        // GIVEN a class folder, a dependency jar, an image, and an old dist in the way
        Path classes =
                TestFiles.folder(dir.resolve("classes"), Map.of("com/acme/Main.class", "x", "app.properties", "y"));
        Path dependency = Files.writeString(dir.resolve("dep.jar"), "not read");
        Path image = Files.writeString(dir.resolve("app-pkgimage.jar"), "image");
        Path launcher = Files.writeString(dir.resolve("pkgimage-core.jar"), "core");
        Path root = dir.resolve("dist");
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/stale.jar"), "old");
        Map<String, Path> lib = new LinkedHashMap<>();
        lib.put("app-1.0.jar", classes);
        lib.put("dep-2.0.jar", dependency);

        // WHEN the dist is written
        DistLayout layout = DistWriter.write(
                root,
                new DistWriter.Contents(
                        "app",
                        "com.acme.Main",
                        lib,
                        Map.of("app-1.0-pkgimage.jar", image),
                        List.of(launcher),
                        List.of("-XX:+UseSerialGC"),
                        "0.3.0"));

        // THEN the layout lists the class path in order; every timed file has the fixed time; the folder is a jar
        assertThat(layout.classpath()).containsExactly("lib/app-1.0.jar", "lib/dep-2.0.jar");
        assertThat(layout.images()).containsExactly("images/app-1.0-pkgimage.jar");
        assertThat(DistLayout.read(root)).isEqualTo(layout);
        for (String file : layout.timedFiles()) {
            assertThat(Files.getLastModifiedTime(root.resolve(file))).isEqualTo(DistWriter.FILE_TIME);
        }
        try (JarFile jar = new JarFile(root.resolve("lib/app-1.0.jar").toFile())) {
            assertThat(jar.getEntry("com/acme/Main.class")).isNotNull();
        }
        assertThat(root.resolve("lib/stale.jar")).doesNotExist();
        assertThat(root.resolve(DistLayout.LAUNCHER).resolve("pkgimage-core.jar"))
                .hasContent("core");
        assertThat(root.resolve(DistLayout.LINK)).isDirectory();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".dist"));

        // AND the start script names the class path from its own root, the main class and the options
        Path script = root.resolve("bin/app");
        assertThat(Files.isExecutable(script)).isTrue();
        String text = Files.readString(script, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("#!/bin/sh\n")
                .contains("cp=\"$root/lib/app-1.0.jar:$root/lib/dep-2.0.jar\"")
                .contains("main='com.acme.Main'")
                .contains("opts=\"-XX:+UseSerialGC $JAVA_OPTS\"")
                .doesNotContain("@NAME@", "@MAIN@", "@CLASSPATH@", "@JVM_OPTIONS@", "@VERSION@");
    }

    @Test
    void namesAndOptionsThatCannotGoIntoTheScriptAreRefusedBeforeAnythingIsWritten() {
        Path root = dir.resolve("dist");
        assertThatThrownBy(() -> DistWriter.write(root, contents("my app", "com.acme.Main", List.of())))
                .isInstanceOf(PkgImageException.class)
                .hasMessage("The application name 'my app' must be letters, digits, '.', '_', '+' and '-' only, to be"
                        + " a file name of the dist and its start script");
        assertThatThrownBy(() -> DistWriter.write(root, contents("app", "com.acme.Main;rm", List.of())))
                .hasMessage("'com.acme.Main;rm' is not a class name");
        assertThatThrownBy(() -> DistWriter.write(root, contents("app", "com.acme.Main", List.of("-Dx=$(id)"))))
                .hasMessage("The JVM option '-Dx=$(id)' cannot go into the start script unquoted; give it in JAVA_OPTS"
                        + " at run time instead");
        assertThat(root).doesNotExist();
    }

    private static DistWriter.Contents contents(String name, String main, List<String> options) {
        return new DistWriter.Contents(name, main, Map.of(), Map.of(), List.of(), options, "0.3.0");
    }
}
