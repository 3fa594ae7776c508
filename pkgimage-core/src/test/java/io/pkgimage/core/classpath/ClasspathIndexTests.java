package io.pkgimage.core.classpath;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.TestFiles;
import io.pkgimage.core.image.Coordinates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathIndexTests {
    private static final Coordinates SELF = Coordinates.of("com.acme", "widget", "1.0");
    private static final Coordinates DEP = Coordinates.of("org.dep", "dep", "2.0");

    @TempDir
    Path dir;

    @Test
    void theFirstEntryThatHoldsAClassWins() throws IOException {
        // GIVEN two folders and a jar that all hold com/acme/A, with different bytes
        Path first = folder("first", Map.of("com/acme/A.class", "first A"));
        Path second = folder("second", Map.of("com/acme/A.class", "second A", "com/acme/B.class", "second B"));
        Path jar = jar("dep.jar", null, Map.of("com/acme/A.class", "jar A", "org/dep/C.class", "jar C"));
        ClasspathEntry firstEntry = ClasspathEntry.self(first, SELF);
        ClasspathEntry secondEntry = ClasspathEntry.test(second);
        ClasspathEntry jarEntry = ClasspathEntry.dependency(jar, DEP);

        // WHEN they are indexed in that order
        ClasspathIndex index = ClasspathIndex.of(List.of(firstEntry, secondEntry, jarEntry), 17);

        // THEN each class comes from the first entry that has it, hashed from that entry's bytes
        assertThat(index.find("com/acme/A")).contains(new ClasspathIndex.Origin(firstEntry, TestFiles.sha("first A")));
        assertThat(index.find("com/acme/B"))
                .contains(new ClasspathIndex.Origin(secondEntry, TestFiles.sha("second B")));
        assertThat(index.find("org/dep/C")).contains(new ClasspathIndex.Origin(jarEntry, TestFiles.sha("jar C")));
        assertThat(index.find("com/acme/Missing")).isEmpty();
        assertThat(index.find("java/lang/Object")).isEmpty();
    }

    @Test
    void theHashIsTheSha256OfTheClassFileBytes() throws IOException {
        byte[] bytes;
        try (java.io.InputStream in = ClasspathIndexTests.class.getResourceAsStream("ClasspathIndexTests.class")) {
            bytes = in.readAllBytes();
        }
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.write(classes.resolve("com/acme/Real.class"), bytes);
        Path jar = jar("real.jar", null, Map.of("com/acme/InJar.class", bytes));

        ClasspathIndex index =
                ClasspathIndex.of(List.of(ClasspathEntry.self(classes, SELF), ClasspathEntry.dependency(jar, DEP)), 17);

        assertThat(index.find("com/acme/Real"))
                .get()
                .extracting(ClasspathIndex.Origin::sha256)
                .isEqualTo(TestFiles.sha(bytes));
        assertThat(index.find("com/acme/InJar"))
                .get()
                .extracting(ClasspathIndex.Origin::sha256)
                .isEqualTo(TestFiles.sha(bytes));
    }

    @Test
    void aMultiReleaseJarGivesTheVersionTheTargetJdkLoads() throws IOException {
        // GIVEN a multi-release jar with variants for 11 and 21 (listed newest first) and a class only in 21
        Path jar = jar("mr.jar", "true", multiReleaseContent());

        // WHEN it is indexed for JDK 17 and for JDK 25
        Map<String, String> for17 = ClasspathIndex.classes(jar, 17);
        Map<String, String> for25 = ClasspathIndex.classes(jar, 25);
        Map<String, String> for11 = ClasspathIndex.classes(jar, 11);

        // THEN 17 picks the 11 variant, 25 picks the 21 variant, and module-info is never a class
        assertThat(for17)
                .containsExactly(
                        Map.entry("com/acme/A", "META-INF/versions/11/com/acme/A.class"),
                        Map.entry("com/acme/Base", "com/acme/Base.class"));
        assertThat(for25)
                .containsExactly(
                        Map.entry("com/acme/A", "META-INF/versions/21/com/acme/A.class"),
                        Map.entry("com/acme/Base", "com/acme/Base.class"),
                        Map.entry("com/acme/Only21", "META-INF/versions/21/com/acme/Only21.class"));
        assertThat(for11).containsEntry("com/acme/A", "META-INF/versions/11/com/acme/A.class");
        // AND the hash is that of the chosen variant
        ClasspathEntry entry = ClasspathEntry.dependency(jar, DEP);
        assertThat(ClasspathIndex.of(List.of(entry), 17).find("com/acme/A"))
                .contains(new ClasspathIndex.Origin(entry, TestFiles.sha("A for 11")));
        assertThat(ClasspathIndex.of(List.of(entry), 25).find("com/acme/A"))
                .contains(new ClasspathIndex.Origin(entry, TestFiles.sha("A for 21")));
        assertThat(ClasspathIndex.of(List.of(entry), 25).find("com/acme/Only21"))
                .contains(new ClasspathIndex.Origin(entry, TestFiles.sha("Only21")));
    }

    @Test
    void withoutTheMultiReleaseAttributeVersionsAreIgnored() throws IOException {
        Path plain = jar("plain.jar", null, multiReleaseContent());
        Path notTrue = jar("not-true.jar", "false", multiReleaseContent());

        for (Path jar : List.of(plain, notTrue)) {
            assertThat(ClasspathIndex.classes(jar, 25))
                    .as(jar.toString())
                    .containsExactly(
                            Map.entry("com/acme/A", "com/acme/A.class"),
                            Map.entry("com/acme/Base", "com/acme/Base.class"));
            ClasspathEntry entry = ClasspathEntry.dependency(jar, DEP);
            assertThat(ClasspathIndex.of(List.of(entry), 25).find("com/acme/A"))
                    .contains(new ClasspathIndex.Origin(entry, TestFiles.sha("A base")));
        }
    }

    @Test
    void aFolderGivesItsClassFilesAtAnyDepthAndNothingElse() throws IOException {
        Path classes = folder(
                "classes",
                Map.of(
                        "Top.class", "top",
                        "com/acme/A.class", "A",
                        "com/acme/A$1.class", "A1",
                        "com/acme/deep/er/D.class", "D",
                        "com/acme/messages.properties", "x=y",
                        "module-info.class", "module",
                        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));

        assertThat(ClasspathIndex.classes(classes, 17))
                .containsExactly(
                        Map.entry("Top", "Top.class"),
                        Map.entry("com/acme/A", "com/acme/A.class"),
                        Map.entry("com/acme/A$1", "com/acme/A$1.class"),
                        Map.entry("com/acme/deep/er/D", "com/acme/deep/er/D.class"));
    }

    @Test
    void aJarSkipsModuleInfoAndNonClassEntries() throws IOException {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("module-info.class", "module");
        content.put("com/acme/A.class", "A");
        content.put("com/acme/", new byte[0]);
        content.put("com/acme/readme.txt", "text");
        content.put("META-INF/maven/x.class", "not a class of the jar");
        Path jar = jar("modular.jar", null, content);

        assertThat(ClasspathIndex.classes(jar, 17)).containsExactly(Map.entry("com/acme/A", "com/acme/A.class"));
    }

    @Test
    void aMissingEntryHoldsNothing() throws IOException {
        Path missingJar = dir.resolve("missing.jar");
        Path missingFolder = dir.resolve("missing-classes");
        Path classes = folder("classes", Map.of("com/acme/A.class", "A"));
        ClasspathEntry real = ClasspathEntry.self(classes, SELF);

        ClasspathIndex index = ClasspathIndex.of(
                List.of(ClasspathEntry.dependency(missingJar, DEP), ClasspathEntry.test(missingFolder), real), 17);

        assertThat(ClasspathIndex.classes(missingJar, 17)).isEmpty();
        assertThat(ClasspathIndex.classes(missingFolder, 17)).isEmpty();
        assertThat(index.find("com/acme/A")).contains(new ClasspathIndex.Origin(real, TestFiles.sha("A")));
    }

    @Test
    void aCorruptJarIsReportedWithItsPath() throws IOException {
        Path jar = dir.resolve("corrupt.jar");
        Files.writeString(jar, "<html>404 Not Found</html>");

        assertThatThrownBy(() -> ClasspathIndex.of(List.of(ClasspathEntry.dependency(jar, DEP)), 17))
                .isInstanceOf(PkgImageException.class)
                .hasMessageStartingWith("Cannot read jar '" + jar + "' on the classpath: ")
                .hasMessageContaining("Is it corrupt? Delete it from the local repository and build again")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedJarIsReportedWithItsPath() throws IOException {
        Path jar = jar("truncated.jar", null, Map.of("com/acme/A.class", "A", "com/acme/B.class", "B"));
        byte[] bytes = Files.readAllBytes(jar);
        Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length - 30));

        assertThatThrownBy(() -> ClasspathIndex.classes(jar, 17))
                .isInstanceOf(PkgImageException.class)
                .hasMessageStartingWith("Cannot read jar '" + jar + "' on the classpath: ");
    }

    private static Map<String, Object> multiReleaseContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("META-INF/versions/21/com/acme/A.class", "A for 21");
        content.put("META-INF/versions/21/com/acme/Only21.class", "Only21");
        content.put("META-INF/versions/11/com/acme/A.class", "A for 11");
        content.put("META-INF/versions/9/module-info.class", "module");
        content.put("META-INF/versions/x/com/acme/A.class", "not a version");
        content.put("com/acme/A.class", "A base");
        content.put("com/acme/Base.class", "Base");
        return content;
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        return TestFiles.folder(dir.resolve(name), files);
    }

    /** A jar with a manifest ({@code Multi-Release: multiRelease} unless null) and entries in the given order. */
    private Path jar(String name, String multiRelease, Map<String, ?> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease != null) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, multiRelease);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, ?> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(
                        e.getValue() instanceof byte[] b
                                ? b
                                : e.getValue().toString().getBytes(UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
