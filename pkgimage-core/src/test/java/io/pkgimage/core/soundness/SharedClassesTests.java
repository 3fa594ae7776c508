package io.pkgimage.core.soundness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.image.TrainingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plain and imaged JVMs of a soundness run share, picked from a probe's classlist on a class path of small
 * folders whose "class files" hold the names they refer to, as real ones do in their constant pools.
 */
class SharedClassesTests {
    private static final String RUNNER_PROXY = "@lambda-proxy org/test/Runner run ()Ljava/lang/Runnable; ()V"
            + " REF_invokeStatic org/test/Runner lambda$run$0 ()V ()V";
    private static final String LIB_PROXY = "@lambda-proxy org/lib/Lib get ()Ljava/util/function/Supplier;"
            + " ()Ljava/lang/Object; REF_invokeStatic org/lib/Lib lambda$get$0 ()Ljava/lang/Object; ()Ljava/lang/Object;";
    private static final String INVOKER =
            "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L";

    @TempDir
    Path dir;

    @Test
    void theTestInfrastructureIsSharedButNothingThatIsOrNamesAPackageOfTheImages() throws IOException {
        // GIVEN the package org/lib (with a subpackage), a test framework, the tests, and a library built on org/lib
        ClasspathIndex index = ClasspathIndex.of(
                List.of(
                        folder("lib", Map.of("org/lib/Lib", "", "org/lib/util/Util", "")),
                        folder("framework", Map.of("org/test/Runner", "java/lang/Object", "org/test/Extension", "")),
                        folder("tests", Map.of("org/lib/LibTests", "", "com/app/AppTests", "org/lib/util/Util")),
                        folder("built-on-lib", Map.of("org/on/Built", "Lorg/lib/Lib;"))),
                17);
        // AND the image of org/lib, whose training loaded only Lib
        PackageImage image = new PackageImage(
                Coordinates.of("org", "lib", "1.0"),
                new TrainedOn("Test", "17.0.1+1", 17, "G1", true),
                new TreeMap<>(Map.of("org/lib/Lib", "a".repeat(64), "org/lib/util/Util", "b".repeat(64))),
                List.of(new ClassEntry("org/lib/Lib", Optional.of("a".repeat(64)), List.of())),
                new TreeMap<>(),
                List.of(),
                List.of(),
                new TrainingSummary("tests", 1, 0, 0, 10, List.of()),
                List.of(),
                List.of(),
                "c".repeat(64));
        // AND a probe that loaded all of them, a JDK class and a dynamic proxy, out of order
        RecordedClassList probe = RecordedClassList.parse(List.of(
                "org/test/Runner",
                "java/util/List",
                "org/lib/Lib",
                "org/lib/LibTests",
                "com/app/AppTests",
                "org/on/Built",
                "org/test/Extension",
                "com/sun/proxy/$Proxy7",
                RUNNER_PROXY,
                LIB_PROXY,
                INVOKER));

        // WHEN
        RecordedClassList shared = SharedClasses.of(probe, index, List.of(image), n -> n.startsWith("java/"));

        // THEN the framework and the JDK class are shared, sorted, with their lines; the package, the tests that
        // name it (even only its untrained subpackage), the library built on it and the generated proxy are not
        assertThat(shared.classes()).containsExactly("java/util/List", "org/test/Extension", "org/test/Runner");
        assertThat(shared.linesOf("org/test/Runner")).containsExactly(RUNNER_PROXY);
        assertThat(shared.classLines()).containsOnlyKeys("org/test/Runner");
        assertThat(shared.lambdaFormInvokers()).containsExactly(INVOKER);
        assertThat(shared.skipped()).isEqualTo(5);
        index.close();
    }

    /** A folder of "class files", each holding its own name (as a class file does) and {@code content}. */
    private ClasspathEntry folder(String name, Map<String, String> classes) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> c : classes.entrySet()) {
            Path file = root.resolve(c.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "CAFEBABE " + c.getKey() + " " + c.getValue(), UTF_8);
        }
        return ClasspathEntry.test(root);
    }
}
