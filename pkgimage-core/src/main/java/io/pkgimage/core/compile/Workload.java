package io.pkgimage.core.compile;

import io.pkgimage.core.image.ImagePart;
import java.util.List;
import java.util.Optional;

/**
 * What a training JVM runs, and so which part of the image it fills.
 *
 * @param part the image part: {@link ImagePart#TESTS} or {@link ImagePart#INTEGRATION_TESTS} (the request's
 *     selected test classes run on the JUnit Platform), or {@link ImagePart#MAIN}
 * @param mainClass the main class, for {@link ImagePart#MAIN}
 * @param arguments its arguments
 */
public record Workload(String part, Optional<String> mainClass, List<String> arguments) {
    public Workload {
        arguments = List.copyOf(arguments);
        if (part.equals(ImagePart.MAIN) != mainClass.isPresent()) {
            throw new IllegalArgumentException("A main class goes with part " + ImagePart.MAIN + " and only with it");
        }
        if (!List.of(ImagePart.TESTS, ImagePart.INTEGRATION_TESTS, ImagePart.MAIN)
                .contains(part)) {
            throw new IllegalArgumentException("Part '" + part + "' is not recorded by a training JVM");
        }
        mainClass.ifPresent(m -> {
            if (m.isBlank() || m.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("'" + m + "' is not a class name");
            }
        });
    }

    /** The package's tests ({@code pkgimage:compile}). */
    public static Workload tests() {
        return new Workload(ImagePart.TESTS, Optional.empty(), List.of());
    }

    /** The module's integration tests ({@code pkgimage:record}). */
    public static Workload integrationTests() {
        return new Workload(ImagePart.INTEGRATION_TESTS, Optional.empty(), List.of());
    }

    /** A main class with arguments ({@code pkgimage:record}). */
    public static Workload main(String mainClass, List<String> arguments) {
        return new Workload(ImagePart.MAIN, Optional.of(mainClass), arguments);
    }

    /** Whether test classes run. */
    public boolean runsTests() {
        return mainClass.isEmpty();
    }

    @Override
    public String toString() {
        return mainClass.map(m -> part + " " + m + " " + arguments).orElse(part);
    }
}
