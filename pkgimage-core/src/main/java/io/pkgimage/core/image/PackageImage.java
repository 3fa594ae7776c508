package io.pkgimage.core.image;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A package image: what the package's workloads taught about its classes, as data.
 *
 * <p>All collections are sorted on construction, so equal images write byte-identical files.
 *
 * @param coordinates the package
 * @param trainedOn the JVM that ran every part's workload
 * @param fingerprints SHA-256 of every class file the package owns, by internal name
 * @param parts what each workload loaded ({@link ImagePart#TESTS}, {@link ImagePart#MAIN}, …), in the order of
 *     {@link ImagePart#NAMES}; at least one
 */
public record PackageImage(
        Coordinates coordinates,
        TrainedOn trainedOn,
        SortedMap<String, String> fingerprints,
        Map<String, ImagePart> parts) {

    /** The version of the file format that this code writes and reads. */
    public static final int FORMAT_VERSION = 3;

    public PackageImage {
        fingerprints = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(fingerprints)));
        Map<String, ImagePart> ordered = new LinkedHashMap<>();
        for (String name : ImagePart.NAMES) {
            ImagePart part = parts.get(name);
            if (part != null) {
                if (!part.name().equals(name)) {
                    throw new IllegalArgumentException("Part '" + part.name() + "' filed as '" + name + "'");
                }
                ordered.put(name, part);
            }
        }
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("An image holds at least one part");
        }
        parts = Collections.unmodifiableMap(ordered);
    }

    /** An image of one part. */
    public static PackageImage of(
            Coordinates coordinates, TrainedOn trainedOn, SortedMap<String, String> fingerprints, ImagePart part) {
        return new PackageImage(coordinates, trainedOn, fingerprints, Map.of(part.name(), part));
    }

    /** The part called {@code name}, if the image holds one. */
    public Optional<ImagePart> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    /**
     * This image with {@code part} in place of the part of its name (added when there was none), and the package's
     * fingerprints as they are now; the other parts keep their entries, which the link step checks class by class.
     */
    public PackageImage with(ImagePart part, SortedMap<String, String> currentFingerprints) {
        Map<String, ImagePart> all = new LinkedHashMap<>(parts);
        all.put(part.name(), part);
        return new PackageImage(coordinates, trainedOn, currentFingerprints, all);
    }

    /** Number of classlist entries over all owners and parts. */
    public int classCount() {
        return parts.values().stream().mapToInt(ImagePart::classCount).sum();
    }

    /**
     * The internal names of every class the image speaks for: all of the package's own (trained or not) and the
     * dependency classes its parts loaded.
     */
    public Set<String> classNames() {
        Set<String> names = new TreeSet<>(fingerprints.keySet());
        parts.values().forEach(p -> p.dependencyClasses().values().forEach(l -> l.forEach(c -> names.add(c.name()))));
        return names;
    }
}
