package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.image.TestImages;
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
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the plain and imaged JVMs of a soundness run share, picked from a probe's classlist on a class path of small
 * folders of class files made here.
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
    void theTestInfrastructureIsSharedButNothingThatIsOrLeadsToAClassOfTheImages() throws IOException {
        // GIVEN the package org/lib (with a subpackage) and a class of the unnamed package, Main; a test framework,
        // one of whose classes has a field and a string named Main; the tests; a library built on org/lib through a
        // superclass; and a helper that refers to that library, two references away from org/lib
        ClasspathIndex index = ClasspathIndex.of(
                List.of(
                        folder(
                                "lib",
                                Map.of(
                                        "org/lib/Lib", classFile("org/lib/Lib", null),
                                        "org/lib/util/Util", classFile("org/lib/util/Util", null),
                                        "Main", classFile("Main", null, "org/lib/Lib"))),
                        folder(
                                "framework",
                                Map.of(
                                        "org/test/Runner", classFile("org/test/Runner", null, "org/test/Extension"),
                                        "org/test/Extension", classFile("org/test/Extension", null),
                                        "org/test/MainRunner", mainNamedButNotReferred())),
                        folder(
                                "tests",
                                Map.of(
                                        "org/lib/LibTests", classFile("org/lib/LibTests", null, "org/lib/Lib"),
                                        "com/app/AppTests", classFile("com/app/AppTests", null, "org/lib/util/Util"),
                                        "com/app/Helper", classFile("com/app/Helper", null, "org/on/Built"))),
                        folder(
                                "built-on-lib",
                                Map.of(
                                        "org/on/Built", classFile("org/on/Built", "org/on/Base"),
                                        "org/on/Base", classFile("org/on/Base", null, "[Lorg/lib/Lib;")))),
                17);
        // AND the image of org/lib, whose training loaded only Lib
        PackageImage image = TestImages.tests(
                Coordinates.of("org", "lib", "1.0"),
                new TrainedOn("Test", "17.0.1+1", 17, "G1", true),
                new TreeMap<>(Map.of(
                        "org/lib/Lib", "a".repeat(64), "org/lib/util/Util", "b".repeat(64), "Main", "d".repeat(64))),
                List.of(new ClassEntry("org/lib/Lib", Optional.of("a".repeat(64)), List.of())),
                new TreeMap<>(),
                List.of(),
                List.of(),
                new TrainingSummary("tests", 1, 0, 0, 10, List.of()),
                "c".repeat(64));
        // AND a probe that loaded them (not Base, Util nor Main), a JDK class and a dynamic proxy, out of order
        RecordedClassList probe = RecordedClassList.parse(List.of(
                "org/test/Runner",
                "java/util/List",
                "org/lib/Lib",
                "org/lib/LibTests",
                "com/app/AppTests",
                "com/app/Helper",
                "org/on/Built",
                "org/test/MainRunner",
                "org/test/Extension",
                "com/sun/proxy/$Proxy7",
                RUNNER_PROXY,
                LIB_PROXY,
                INVOKER));

        // WHEN
        RecordedClassList shared = SharedClasses.of(probe, index, List.of(image), n -> n.startsWith("java/"));

        // THEN the framework (a class with a member named Main too) and the JDK class are shared, sorted, with their
        // lines; the package, the tests that refer to it (even to its untrained subpackage), the library built on it
        // through a superclass, the helper two references away, and the generated proxy are not
        assertThat(shared.classes())
                .containsExactly("java/util/List", "org/test/Extension", "org/test/MainRunner", "org/test/Runner");
        assertThat(shared.linesOf("org/test/Runner")).containsExactly(RUNNER_PROXY);
        assertThat(shared.classLines()).containsOnlyKeys("org/test/Runner");
        assertThat(shared.lambdaFormInvokers()).containsExactly(INVOKER);
        assertThat(shared.skipped()).isEqualTo(6);
        index.close();
    }

    @Test
    void aClassRefersToItsSupertypesConstantPoolClassesDescriptorsAndMemberTypes() {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "a/A", null, "a/Super", new String[] {"a/Face"});
        w.visitField(Opcodes.ACC_PRIVATE, "f", "[[La/FieldType;", null, null).visitEnd();
        MethodVisitor m = w.visitMethod(Opcodes.ACC_STATIC, "m", "(La/Arg;I)La/Result;", null, null);
        m.visitCode();
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "a/Owner", "call", "(La/CallArg;)V", false);
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(1, 2);
        m.visitEnd();
        w.visitEnd();

        assertThat(SharedClasses.references(w.toByteArray()))
                .containsExactlyInAnyOrder(
                        "a/Super", "a/Face", "a/FieldType", "a/Arg", "a/Result", "a/Owner", "a/CallArg");
    }

    /** A class of {@code superName} (or Object) whose code refers to {@code refs} as class constants. */
    private static byte[] classFile(String name, String superName, String... refs) {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName == null ? "java/lang/Object" : superName, null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_STATIC, "refs", "()V", null, null);
        m.visitCode();
        for (String ref : refs) {
            m.visitLdcInsn(Type.getObjectType(ref));
            m.visitInsn(Opcodes.POP);
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(1, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /** A framework class with a field named Main holding the string "Main": its bytes hold the name, it refers to nothing. */
    private static byte[] mainNamedButNotReferred() {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "org/test/MainRunner", null, "java/lang/Object", null);
        w.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "Main", "Ljava/lang/String;", null, "Main")
                .visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /** A folder of class files. */
    private ClasspathEntry folder(String name, Map<String, byte[]> classes) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            Path file = root.resolve(c.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
        return ClasspathEntry.test(root);
    }
}
