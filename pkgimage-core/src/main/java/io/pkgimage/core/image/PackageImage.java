package io.pkgimage.core.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A package image: what one package's training taught about its classes, as data.
 *
 * <p>All collections are sorted on construction, so equal images write byte-identical files.
 *
 * @param coordinates the package
 * @param trainedOn the JVM that trained it
 * @param fingerprints SHA-256 of every class file the package owns, by internal name
 * @param ownClasses the package's classes that the training loaded
 * @param dependencyClasses classes of each dependency that the training loaded, by its coordinates
 * @param jdkClasses JDK classes that the training loaded
 * @param lambdaFormInvokers the {@code @lambda-form-invoker} lines (JDK method-handle forms)
 * @param training the training summary
 * @param hotMethods methods of the package and its dependencies that the JIT compiled during training
 * @param dependencyImages the images of dependencies that the compile saw
 * @param inputsSha256 fingerprint of every input of the compile, to tell when the image is up to date
 */
public record PackageImage(
        Coordinates coordinates,
        TrainedOn trainedOn,
        SortedMap<String, String> fingerprints,
        List<ClassEntry> ownClasses,
        SortedMap<Coordinates, List<ClassEntry>> dependencyClasses,
        List<ClassEntry> jdkClasses,
        List<String> lambdaFormInvokers,
        TrainingSummary training,
        List<HotMethod> hotMethods,
        List<DependencyImage> dependencyImages,
        String inputsSha256) {

    /** The version of the file format that this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public PackageImage {
        fingerprints = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(fingerprints)));
        ownClasses = sortedEntries(ownClasses);
        TreeMap<Coordinates, List<ClassEntry>> deps = new TreeMap<>();
        dependencyClasses.forEach((k, v) -> deps.put(k, sortedEntries(v)));
        dependencyClasses = Collections.unmodifiableSortedMap(deps);
        jdkClasses = sortedEntries(jdkClasses);
        for (String line : lambdaFormInvokers) {
            if (!line.startsWith("@lambda-form-invoker ") || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("Invalid lambda-form-invoker line '" + line + "'");
            }
        }
        lambdaFormInvokers = List.copyOf(new TreeSet<>(lambdaFormInvokers));
        hotMethods = hotMethods.stream().sorted().toList();
        dependencyImages = dependencyImages.stream().sorted().toList();
    }

    /** Number of classlist entries over all owners. */
    public int classCount() {
        return ownClasses.size()
                + dependencyClasses.values().stream().mapToInt(List::size).sum()
                + jdkClasses.size();
    }

    /**
     * The internal names of every class the image speaks for: all of the package's own (trained or not) and the
     * dependency classes its training loaded.
     */
    public Set<String> classNames() {
        Set<String> names = new TreeSet<>(fingerprints.keySet());
        dependencyClasses.values().forEach(l -> l.forEach(c -> names.add(c.name())));
        return names;
    }

    /** The same image with another inputs fingerprint. */
    public PackageImage withInputs(String inputs) {
        return new PackageImage(
                coordinates,
                trainedOn,
                fingerprints,
                ownClasses,
                dependencyClasses,
                jdkClasses,
                lambdaFormInvokers,
                training,
                hotMethods,
                dependencyImages,
                inputs);
    }

    private static List<ClassEntry> sortedEntries(List<ClassEntry> entries) {
        List<ClassEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ClassEntry::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("Class " + sorted.get(i).name() + " is listed twice");
            }
        }
        return List.copyOf(sorted);
    }
}
