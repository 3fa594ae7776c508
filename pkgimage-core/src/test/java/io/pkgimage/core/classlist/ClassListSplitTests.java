package io.pkgimage.core.classlist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.TestFiles;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.JdkPackages;
import io.pkgimage.core.jdk.Jdks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassListSplitTests {
    private static final Coordinates SELF = Coordinates.of("com.acme", "widget", "1.0");
    private static final Coordinates ALPHA = Coordinates.of("org.dep", "alpha", "2.0");
    private static final Coordinates BETA = Coordinates.of("org.dep", "beta", "3.0");

    @TempDir
    Path dir;

    @Test
    void splitsClassesByOwnerAndKeepsTheirLines() throws IOException {
        // GIVEN a classpath of the package's classes, its tests, a test-only jar and two dependency jars
        Path classes = folder("classes", Map.of("com/acme/A.class", "A", "com/acme/B.class", "B"));
        Path testClasses = folder("test-classes", Map.of("com/acme/ATests.class", "ATests"));
        Path junit = jar("junit.jar", Map.of("org/junit/Test.class", "Test"));
        Path alpha = jar("alpha.jar", Map.of("org/dep/alpha/Alpha.class", "Alpha"));
        Path beta = jar("beta.jar", Map.of("org/dep/beta/Beta.class", "Beta"));
        ClasspathIndex index = ClasspathIndex.of(
                List.of(
                        ClasspathEntry.test(testClasses),
                        ClasspathEntry.self(classes, SELF),
                        ClasspathEntry.dependency(beta, BETA),
                        ClasspathEntry.dependency(alpha, ALPHA),
                        ClasspathEntry.test(junit)),
                25);
        // AND a JDK 25 classlist with ids, @cp and @lambda-proxy lines for several owners
        RecordedClassList recorded = RecordedClassList.parse(List.of(
                "java/lang/Object id: 0",
                "com/acme/A id: 1",
                "org/dep/beta/Beta id: 2",
                "com/acme/ATests id: 3",
                "org/junit/Test id: 4",
                "org/dep/alpha/Alpha id: 5",
                "java/lang/Runnable id: 6",
                "com/acme/B id: 7",
                "com/acme/$Proxy12 id: 8",
                "@cp com/acme/A 1 2",
                "@lambda-proxy com/acme/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic com/acme/A lambda$0 ()V ()V",
                "@cp com/acme/ATests 4",
                "@cp org/dep/alpha/Alpha 9",
                "@cp java/lang/Runnable 1",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.Invokers$Holder invokeExact_MT L_L"));

        // WHEN it is split
        ClassListSplit split = ClassListSplit.of(recorded, index, name -> name.startsWith("java/"));

        // THEN each class lands with its owner, with its fingerprint and its own lines; tests and the proxy
        // (on no classpath entry and in no JDK package) are dropped
        assertThat(split.self())
                .containsExactly(
                        new ClassEntry(
                                "com/acme/A",
                                Optional.of(TestFiles.sha("A")),
                                List.of(
                                        "@cp com/acme/A 1 2",
                                        "@lambda-proxy com/acme/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic com/acme/A lambda$0 ()V ()V")),
                        new ClassEntry("com/acme/B", Optional.of(TestFiles.sha("B")), List.of()));
        assertThat(split.dependencies())
                .containsExactly(
                        Map.entry(
                                ALPHA,
                                List.of(new ClassEntry(
                                        "org/dep/alpha/Alpha",
                                        Optional.of(TestFiles.sha("Alpha")),
                                        List.of("@cp org/dep/alpha/Alpha 9")))),
                        Map.entry(
                                BETA,
                                List.of(new ClassEntry(
                                        "org/dep/beta/Beta", Optional.of(TestFiles.sha("Beta")), List.of()))));
        assertThat(split.jdk())
                .containsExactly(
                        new ClassEntry("java/lang/Object", Optional.empty(), List.of()),
                        new ClassEntry("java/lang/Runnable", Optional.empty(), List.of("@cp java/lang/Runnable 1")));
        assertThat(split.lambdaFormInvokers())
                .containsExactly(
                        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.Invokers$Holder invokeExact_MT L_L");
        assertThat(split.dropped()).isEqualTo(3);
        assertThat(split.self().stream().flatMap(e -> e.lines().stream())).noneMatch(l -> l.contains("id:"));
    }

    @Test
    void aClassOfATestEntryThatComesFirstIsDropped() throws IOException {
        // a test folder that shadows a class of the package: the JVM loads the test's copy, so it is not the package's
        Path testClasses = folder("test-classes", Map.of("com/acme/A.class", "test copy"));
        Path classes = folder("classes", Map.of("com/acme/A.class", "A"));
        ClasspathIndex index =
                ClasspathIndex.of(List.of(ClasspathEntry.test(testClasses), ClasspathEntry.self(classes, SELF)), 17);

        ClassListSplit split = ClassListSplit.of(RecordedClassList.parse(List.of("com/acme/A")), index, name -> true);

        assertThat(split.self()).isEmpty();
        assertThat(split.jdk()).isEmpty();
        assertThat(split.dropped()).isEqualTo(1);
    }

    @Test
    void splitsWhatJdk25Records() throws IOException {
        // GIVEN what JDK 25 recorded for the recorder program, whose classes are this module's test classes
        RecordedClassList recorded =
                RecordedClassList.read(RecordedClassListTests.record(RecordedClassListTests.jdk25(), dir));
        Path classes = RecordedClassListTests.testClasses();
        ClasspathIndex index = ClasspathIndex.of(List.of(ClasspathEntry.self(classes, SELF)), 25);
        Jdk jdk = Jdks.of(RecordedClassListTests.jdk25());

        // WHEN it is split
        ClassListSplit split = ClassListSplit.of(recorded, index, name -> JdkPackages.contains(jdk, name));

        // THEN the recorder is the package's, with its fingerprint and @cp lines; Object is the JDK's
        String recorder = RecordedClassListTests.RECORDER;
        // (the JVM also loads the recorder's nest host, without initialising it)
        assertThat(split.self())
                .extracting(ClassEntry::name)
                .containsExactlyInAnyOrder(
                        recorder, RecordedClassListTests.class.getName().replace('.', '/'));
        assertThat(split.self())
                .filteredOn(e -> e.name().equals(recorder))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.name()).isEqualTo(recorder);
                    assertThat(e.sha256())
                            .contains(TestFiles.sha(Files.readAllBytes(classes.resolve(recorder + ".class"))));
                    assertThat(e.lines()).isEqualTo(recorded.linesOf(recorder)).anyMatch(l -> l.startsWith("@cp "));
                });
        assertThat(split.jdk())
                .extracting(ClassEntry::name)
                .contains("java/lang/Object")
                .doesNotContain(recorder, RecordedClassListTests.PLUGIN);
        assertThat(split.jdk()).allSatisfy(e -> assertThat(e.sha256()).isEmpty());
        assertThat(split.jdk()).extracting(ClassEntry::name).allMatch(name -> JdkPackages.contains(jdk, name));
        assertThat(split.self().size() + split.jdk().size() + split.dropped())
                .isEqualTo(recorded.classes().size());
        assertThat(split.lambdaFormInvokers()).isEqualTo(recorded.lambdaFormInvokers());
        assertThat(split.dependencies()).isEmpty();
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        return TestFiles.folder(dir.resolve(name), files);
    }

    private Path jar(String name, Map<String, String> files) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
