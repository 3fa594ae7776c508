package io.pkgimage.core.image;

import io.pkgimage.core.io.Hashing;

/**
 * The image of a dependency that was present when a package's image was compiled.
 *
 * @param coordinates the dependency
 * @param sha256 the fingerprint of the dependency's image file
 */
public record DependencyImage(Coordinates coordinates, String sha256) implements Comparable<DependencyImage> {
    public DependencyImage {
        if (!Hashing.isSha256(sha256)) {
            throw new IllegalArgumentException("Invalid SHA-256 '" + sha256 + "' for the image of " + coordinates);
        }
    }

    @Override
    public int compareTo(DependencyImage o) {
        int c = coordinates.compareTo(o.coordinates);
        return c != 0 ? c : sha256.compareTo(o.sha256);
    }
}
