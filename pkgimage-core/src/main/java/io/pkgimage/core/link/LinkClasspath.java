package io.pkgimage.core.link;

import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.io.DeterministicJar;
import io.pkgimage.core.io.Hashing;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The class path a link holds for: an archive holds classes of jars only, so each folder becomes a jar of it. */
public final class LinkClasspath {
    private LinkClasspath() {}

    /**
     * The class path that the link of {@code request} holds for: its own, with each folder replaced by a deterministic
     * jar of it under the output directory (made or brought up to date here). Known before the dump, so a JVM that
     * needs no archive can start on it while the dump runs.
     */
    public static List<Path> of(LinkRequest request) {
        Path jars = request.outputDirectory().resolve("jars");
        List<Path> result = new ArrayList<>();
        for (ClasspathEntry e : request.classpath()) {
            Path path = e.path().toAbsolutePath();
            if (Files.isDirectory(path)) {
                String name = e.coordinates()
                        .map(Coordinates::artifactId)
                        .orElse(path.getFileName().toString());
                Path jar = jars.resolve(
                        name + "-" + Hashing.sha256(path.toString()).substring(0, 8) + ".jar");
                DeterministicJar.ofIfChanged(path, jar);
                result.add(jar);
            } else {
                result.add(path);
            }
        }
        return result;
    }

    /** {@code paths} as a {@code -cp} value. */
    static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
