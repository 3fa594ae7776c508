package io.pkgimage.core.image;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Maven coordinates of a package: {@code groupId:artifactId:version}, with an optional classifier.
 *
 * @param groupId the group, never empty
 * @param artifactId the artifact, never empty
 * @param version the version, never empty
 * @param classifier the classifier, empty for the main artifact
 */
public record Coordinates(String groupId, String artifactId, String version, String classifier)
        implements Comparable<Coordinates> {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.+\\-]+");
    private static final Comparator<Coordinates> ORDER = Comparator.comparing(Coordinates::groupId)
            .thenComparing(Coordinates::artifactId)
            .thenComparing(Coordinates::version)
            .thenComparing(Coordinates::classifier);

    public Coordinates {
        check("groupId", groupId);
        check("artifactId", artifactId);
        check("version", version);
        if (!classifier.isEmpty()) {
            check("classifier", classifier);
        }
    }

    public static Coordinates of(String groupId, String artifactId, String version) {
        return new Coordinates(groupId, artifactId, version, "");
    }

    /** Parses {@code g:a:v} or {@code g:a:v:classifier}. */
    public static Coordinates parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException(
                    "Expecting coordinates groupId:artifactId:version[:classifier] but got '" + text + "'");
        }
        return new Coordinates(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : "");
    }

    private static void check(String what, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " '" + value + "' in coordinates");
        }
    }

    @Override
    public int compareTo(Coordinates other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
    }
}
