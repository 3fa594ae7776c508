package io.pkgimage.core.soundness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.TestFiles;
import io.pkgimage.core.io.DeterministicJar;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagedLayoutTests {
    @TempDir
    Path dir;

    @Test
    void foldersWithoutImageClassesFollowTheJarsAsTheyAreWhenNothingOfThemWouldLoseToAJar() throws IOException {
        // GIVEN Surefire's class path: the test classes, the module's classes, a dependency
        Path tests = folder("test-classes", Map.of("com/acme/GreeterTests.class", "test", "fixture.txt", "data"));
        Path classes = folder("classes", Map.of("com/acme/Greeter.class", "main", "app.properties", "main"));
        Path dependency = jar("dependency.jar", Map.of("org/lib/Lib.class", "lib"));

        // WHEN it is laid out for the imaged JVM, the module's classes being in the image
        ImagedLayout layout =
                ImagedLayout.of(List.of(tests, classes, dependency), classes::equals, dir.resolve("layout"));

        // THEN the archive holds the module's classes and the dependency; the test classes follow, the same folder
        assertThat(layout.archived()).containsExactly(classes, dependency);
        assertThat(layout.appended()).containsExactly(tests);
        assertThat(layout.overlay()).isEmpty();
        assertThat(layout.classpath(List.of(dir.resolve("classes.jar"), dependency)))
                .containsExactly(dir.resolve("classes.jar"), dependency, tests);
        assertThat(dir.resolve("layout")).doesNotExist();
    }

    @Test
    void whatATestFolderShadowsGoesIntoAJarAtTheFrontSoThatEveryNameResolvesAsUnderSurefireAndOnlyOnce()
            throws IOException {
        // GIVEN test resources that shadow the module's and a dependency's (a test application.properties), one that
        // an entry before the test classes shadows itself, and one of their own
        Path early = jar("early.jar", Map.of("early.txt", "early wins"));
        Path tests = folder(
                "test-classes",
                Map.of(
                        "application.properties", "test",
                        "META-INF/services/x.Y", "test service",
                        "early.txt", "test early",
                        "fixture.txt", "data",
                        "com/acme/GreeterTests.class", "test"));
        Path classes = folder("classes", Map.of("application.properties", "main", "com/acme/Greeter.class", "main"));
        Path dependency = jar("dependency.jar", Map.of("META-INF/services/x.Y", "lib service"));
        List<Path> surefire = List.of(early, tests, classes, dependency);

        // WHEN it is laid out
        ImagedLayout layout = ImagedLayout.of(surefire, classes::equals, dir.resolve("layout"));

        // THEN the shadowing files are in the overlay, first; the test folder is seen without them
        Path overlay = layout.overlay().orElseThrow();
        assertThat(layout.archived()).containsExactly(overlay, early, classes, dependency);
        assertThat(entries(overlay)).containsExactlyInAnyOrder("application.properties", "META-INF/services/x.Y");
        Path view = layout.appended().get(0);
        assertThat(view).isNotEqualTo(tests).isDirectory();
        assertThat(view.resolve("application.properties")).doesNotExist();
        assertThat(view.resolve("fixture.txt")).hasContent("data");
        assertThat(view.resolve("early.txt")).hasContent("test early");

        // AND a class loader on the imaged layout answers every name as one on Surefire's does
        Path classesJar = dir.resolve("classes.jar");
        DeterministicJar.of(classes, classesJar);
        List<Path> imaged = layout.classpath(List.of(overlay, early, classesJar, dependency));
        for (String name : List.of(
                "application.properties",
                "META-INF/services/x.Y",
                "early.txt",
                "fixture.txt",
                "com/acme/Greeter.class")) {
            assertThat(resources(imaged, name)).as(name).isEqualTo(resources(surefire, name));
        }
        // the test resource that nothing shadows is a file, as under Surefire
        try (URLClassLoader loader = loader(imaged)) {
            assertThat(loader.getResource("fixture.txt").getProtocol()).isEqualTo("file");
        }
    }

    @Test
    void aJarTheJvmCannotReadShadowsNothingAndAMissingEntryIsKeptInItsPlace() throws IOException {
        Path tests = folder("test-classes", Map.of("application.properties", "test"));
        Path corrupt = Files.writeString(dir.resolve("corrupt.jar"), "not a zip file");
        Path missing = dir.resolve("missing.jar");

        ImagedLayout layout = ImagedLayout.of(List.of(tests, corrupt, missing), p -> false, dir.resolve("layout"));

        // the JVM reads nothing from either, so the test folder loses nothing to them; they stay for the link to judge
        assertThat(layout.overlay()).isEmpty();
        assertThat(layout.archived()).containsExactly(corrupt, missing);
        assertThat(layout.appended()).containsExactly(tests);
    }

    @Test
    void aSecondLayoutOfTheSameClassPathKeepsTheOverlaysBytesAndTime() throws IOException {
        Path tests = folder("test-classes", Map.of("application.properties", "test"));
        Path classes = folder("classes", Map.of("application.properties", "main", "com/acme/Greeter.class", "main"));
        Path overlay = ImagedLayout.of(List.of(tests, classes), classes::equals, dir.resolve("layout"))
                .overlay()
                .orElseThrow();
        var time = Files.getLastModifiedTime(overlay);

        ImagedLayout again = ImagedLayout.of(List.of(tests, classes), classes::equals, dir.resolve("layout"));

        // an archive checks its jars' size and time: the next run of the same suite can map the same archive
        assertThat(again.overlay()).contains(overlay);
        assertThat(Files.getLastModifiedTime(overlay)).isEqualTo(time);
    }

    /** The contents of every resource {@code name} on {@code classpath}, in the order a class loader finds them. */
    private static List<String> resources(List<Path> classpath, String name) throws IOException {
        List<String> found = new ArrayList<>();
        try (URLClassLoader loader = loader(classpath)) {
            for (URL url : Collections.list(loader.getResources(name))) {
                var connection = url.openConnection();
                connection.setUseCaches(false);
                try (var in = connection.getInputStream()) {
                    found.add(new String(in.readAllBytes(), UTF_8));
                }
            }
        }
        return found;
    }

    private static URLClassLoader loader(List<Path> classpath) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            urls.add(p.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), null);
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            Set<String> names = new java.util.TreeSet<>();
            zip.stream()
                    .filter(e -> !e.isDirectory() && !e.getName().equals(DeterministicJar.MANIFEST))
                    .forEach(e -> names.add(e.getName()));
            return names;
        }
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        return TestFiles.folder(dir.resolve(name), files);
    }

    private Path jar(String name, Map<String, String> files) throws IOException {
        Path folder = folder(name + "-content", files);
        Path jar = dir.resolve(name);
        DeterministicJar.of(folder, jar);
        return jar;
    }
}
