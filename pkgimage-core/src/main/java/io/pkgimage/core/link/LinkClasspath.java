package io.pkgimage.core.link;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.io.DeterministicJar;
import io.pkgimage.core.io.Hashing;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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

    /**
     * Those of {@code classes} (internal names, such as {@code com/acme/Main}) that a jar of {@code classpath} holds.
     *
     * @throws PkgImageException naming a jar that cannot be read
     */
    static List<String> classesIn(List<Path> classpath, Collection<String> classes) {
        Set<String> held = new HashSet<>();
        for (Path jar : classpath) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName).forEach(held::add);
            } catch (IOException e) {
                throw new PkgImageException("Cannot read the jar '" + jar + "': " + e.getMessage(), e);
            }
        }
        return classes.stream().filter(c -> held.contains(c + ".class")).toList();
    }

    /** {@code paths} as a {@code -cp} value. */
    static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
