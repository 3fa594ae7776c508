package io.pkgimage.core.soundness;

import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.PackageImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The classes that the plain and the imaged JVM of a soundness run share: the test infrastructure (JUnit, test
 * libraries, the harness, the JDK classes they use), taken from a classlist recorded by a probe run, without anything
 * that belongs to or names a package of the images.
 *
 * <p>Archiving these in both JVMs' archives makes each child start faster while the images stay the only difference
 * between the two. A class whose class file names a package of an image (the image's own classes, the tests, and
 * libraries built on the package) is left out: the JVM would load the image's classes while it verified it at dump
 * time, and they would end up in the plain JVM's archive.
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
        List<byte[]> imagePackages = packagesOf(images);
        List<String> classes = new ArrayList<>();
        Map<String, List<String>> lines = new TreeMap<>();
        int skipped = recorded.skipped();
        for (String name : recorded.classes()) {
            Optional<byte[]> classFile = index.classFile(name);
            boolean shared = classFile.isPresent()
                    ? imagePackages.stream().noneMatch(p -> contains(classFile.get(), p))
                    : isJdkClass.test(name);
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
     * The packages of the images' classes as they appear in class files ({@code org/example/}), shortest prefixes
     * only; a class of the unnamed package stands for itself.
     */
    private static List<byte[]> packagesOf(List<PackageImage> images) {
        TreeSet<String> prefixes = new TreeSet<>();
        for (PackageImage image : images) {
            for (String name : image.classNames()) {
                int slash = name.lastIndexOf('/');
                prefixes.add(slash > 0 ? name.substring(0, slash + 1) : name);
            }
        }
        List<byte[]> shortest = new ArrayList<>();
        String previous = null;
        for (String p : prefixes) {
            // sorted, so a package's subpackages follow it
            if (previous == null || !p.startsWith(previous) || !previous.endsWith("/")) {
                shortest.add(p.getBytes(StandardCharsets.UTF_8));
                previous = p;
            }
        }
        return shortest;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
