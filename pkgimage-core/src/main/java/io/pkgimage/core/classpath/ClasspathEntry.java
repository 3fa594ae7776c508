package io.pkgimage.core.classpath;

import io.pkgimage.core.image.Coordinates;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One jar or folder of a classpath, with the role its classes play in an image.
 *
 * @param path the jar or class folder
 * @param role who owns its classes
 * @param coordinates the artifact it is, for {@link Role#DEPENDENCY}
 */
public record ClasspathEntry(Path path, Role role, Optional<Coordinates> coordinates) {
    /** Who owns the classes of a classpath entry. */
    public enum Role {
        /** The package the image is for. */
        SELF,
        /** A runtime dependency of the package: its classes are recorded under its coordinates. */
        DEPENDENCY,
        /** Test classes, test-only dependencies and the training harness: never part of an image. */
        TEST
    }

    public ClasspathEntry {
        if (role == Role.DEPENDENCY && coordinates.isEmpty()) {
            throw new IllegalArgumentException("Dependency " + path + " needs coordinates");
        }
    }

    public static ClasspathEntry dependency(Path path, Coordinates coordinates) {
        return new ClasspathEntry(path, Role.DEPENDENCY, Optional.of(coordinates));
    }

    public static ClasspathEntry test(Path path) {
        return new ClasspathEntry(path, Role.TEST, Optional.empty());
    }

    public static ClasspathEntry self(Path path, Coordinates coordinates) {
        return new ClasspathEntry(path, Role.SELF, Optional.of(coordinates));
    }
}
