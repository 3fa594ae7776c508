package io.pkgimage.junit.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of a soundness run: those {@link SoundnessParameters#IMAGES} names, or those found for the test class
 * path, next to its jars and in the folder above its class folders ({@code target/}); the latter are the module's own,
 * trained on the suite that is judged.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /**
     * The files of {@link SoundnessParameters#IMAGES}, comma-separated.
     *
     * @throws IllegalArgumentException naming a file that is not there
     */
    static List<Path> named(String value) {
        List<Path> images = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path image = Path.of(name.trim()).toAbsolutePath();
            if (!Files.isRegularFile(image)) {
                throw new IllegalArgumentException(SoundnessParameters.IMAGES + " names '" + image
                        + "', which is not a file; build it with pkgimage:compile or correct the path");
            }
            images.add(image);
        }
        return images;
    }

    /** The images next to the class path's jars, and in the folder above its class folders ({@code target/}). */
    static List<Path> found(List<Path> classpath) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry) && entry.getParent() != null) {
                try (Stream<Path> files = Files.list(entry.getParent())) {
                    files.filter(f -> f.getFileName().toString().endsWith("-pkgimage.jar"))
                            .sorted()
                            .forEach(found::add);
                } catch (IOException e) {
                    // an unreadable folder holds no image; finding none at all is reported
                }
            } else {
                String name = entry.getFileName().toString();
                if (name.endsWith(".jar")) {
                    Path image = entry.resolveSibling(name.substring(0, name.length() - 4) + "-pkgimage.jar");
                    if (Files.isRegularFile(image)) {
                        found.add(image);
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** Whether {@code image} is the module's own: in the folder above one of the class folders of {@code classpath}. */
    public static boolean own(Path image, List<Path> classpath) {
        Path folder = image.toAbsolutePath().normalize().getParent();
        return classpath.stream()
                .filter(Files::isDirectory)
                .map(p -> p.toAbsolutePath().normalize().getParent())
                .anyMatch(folder::equals);
    }
}
