package io.pkgimage.core.soundness;

import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.PackageImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The classes that the plain and the imaged JVM of a soundness run share: the test infrastructure (JUnit, test
 * libraries, the harness, the JDK classes they use), taken from a classlist recorded by a probe run, without any class
 * of the images nor any class that leads to one.
 *
 * <p>Archiving these in both JVMs' archives makes each child start faster while the images stay the only difference
 * between the two. A class from which an image class can be reached over the class path, through the classes its
 * class file refers to (its constant pool's classes and descriptors, its fields' and methods' types, which include its
 * supertypes), is left out: the JVM could load that image class while it verified the class at dump time, and the
 * image class would end up in the plain JVM's archive.
 */
public final class SharedClasses {

    private SharedClasses() {}

    /**
     * What of {@code recorded} both JVMs may share.
     *
     * @param recorded the probe's classlist
     * @param index the test class path
     * @param images the images whose classes stay out
     * @param isJdkClass whether a class found on no class path entry is the JDK's (others are generated at run time)
     */
    public static RecordedClassList of(
            RecordedClassList recorded, ClasspathIndex index, List<PackageImage> images, Predicate<String> isJdkClass) {
        Set<String> imageClasses = new HashSet<>();
        images.forEach(image -> imageClasses.addAll(image.classNames()));
        Set<String> leading = leadingTo(imageClasses, recorded.classes(), index);
        List<String> classes = new ArrayList<>();
        Map<String, List<String>> lines = new TreeMap<>();
        int skipped = recorded.skipped();
        for (String name : recorded.classes()) {
            boolean shared = index.classFile(name).isPresent()
                    ? !leading.contains(name)
                    : isJdkClass.test(name) && !imageClasses.contains(name);
            if (shared) {
                classes.add(name);
                if (!recorded.linesOf(name).isEmpty()) {
                    lines.put(name, recorded.linesOf(name).stream().sorted().collect(Collectors.toList()));
                }
            } else {
                skipped++;
            }
        }
        // sorted, so that the probes of two runs that loaded the same classes give the same archive (and cache entry)
        Collections.sort(classes);
        return new RecordedClassList(
                classes,
                lines,
                recorded.lambdaFormInvokers().stream().sorted().distinct().collect(Collectors.toList()),
                skipped);
    }

    /**
     * The classes, among {@code roots} and the class path classes they lead to, from which a class of {@code targets}
     * can be reached (the targets included): the graph of class references over the class path, walked backwards
     * from the targets.
     */
    static Set<String> leadingTo(Set<String> targets, List<String> roots, ClasspathIndex index) {
        Map<String, Set<String>> referencedBy = new HashMap<>();
        Set<String> seen = new HashSet<>(roots);
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (targets.contains(name)) {
                continue; // what an image class refers to does not matter
            }
            Optional<byte[]> classFile = index.classFile(name);
            if (classFile.isEmpty()) {
                continue; // the JDK's, or generated: it cannot refer to the class path
            }
            for (String referenced : references(classFile.get())) {
                referencedBy.computeIfAbsent(referenced, k -> new HashSet<>()).add(name);
                if (seen.add(referenced)) {
                    todo.addLast(referenced);
                }
            }
        }
        Set<String> leading = new HashSet<>();
        Deque<String> back = new ArrayDeque<>();
        for (String target : targets) {
            if (seen.contains(target) && leading.add(target)) {
                back.add(target);
            }
        }
        while (!back.isEmpty()) {
            for (String from : referencedBy.getOrDefault(back.removeFirst(), Set.of())) {
                if (leading.add(from)) {
                    back.add(from);
                }
            }
        }
        return leading;
    }

    /**
     * The internal names of the classes that a class file refers to: its constant pool's classes, the types in its
     * constant pool's descriptors, and the types of its fields and methods.
     */
    static Set<String> references(byte[] classFile) {
        Set<String> names = new HashSet<>();
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            switch (reader.readByte(offset - 1)) {
                case 7 -> addInternalName(names, reader.readUTF8(offset, buffer)); // CONSTANT_Class
                case 12 -> addDescriptor(names, reader.readUTF8(offset + 2, buffer)); // CONSTANT_NameAndType
                case 16 -> addDescriptor(names, reader.readUTF8(offset, buffer)); // CONSTANT_MethodType
                default -> {
                    // no class named
                }
            }
        }
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public FieldVisitor visitField(
                            int access, String name, String descriptor, String signature, Object value) {
                        addDescriptor(names, descriptor);
                        return null;
                    }

                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        addDescriptor(names, descriptor);
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        names.remove(reader.getClassName());
        return names;
    }

    private static void addInternalName(Set<String> names, String name) {
        if (name != null && name.startsWith("[")) {
            addType(names, Type.getType(name));
        } else if (name != null) {
            names.add(name);
        }
    }

    private static void addDescriptor(Set<String> names, String descriptor) {
        if (descriptor == null || descriptor.isEmpty()) {
            return;
        }
        try {
            if (descriptor.charAt(0) == '(') {
                Type method = Type.getMethodType(descriptor);
                addType(names, method.getReturnType());
                for (Type argument : method.getArgumentTypes()) {
                    addType(names, argument);
                }
            } else {
                addType(names, Type.getType(descriptor));
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            // not a descriptor after all: it names no class
        }
    }

    private static void addType(Set<String> names, Type type) {
        Type t = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (t.getSort() == Type.OBJECT) {
            names.add(t.getInternalName());
        }
    }
}
