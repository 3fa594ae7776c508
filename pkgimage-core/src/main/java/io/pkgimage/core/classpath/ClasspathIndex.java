package io.pkgimage.core.classpath;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.io.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Which classpath entry provides each class, as the JVM would find it, and the SHA-256 of its class file.
 *
 * <p>The first entry that holds a class wins, as on the JVM's application class path. In multi-release jars the
 * version the target JDK would load is chosen. Class files are only read and hashed when asked for.
 */
public final class ClasspathIndex implements AutoCloseable {
    /** Where a class comes from. */
    public record Origin(ClasspathEntry entry, String sha256) {}

    private record Location(ClasspathEntry entry, String resource) {}

    private final int feature;
    private final Map<String, Location> locations = new HashMap<>();
    private final Map<String, Optional<Origin>> resolved = new HashMap<>();
    private final Map<Path, JarFile> open = new HashMap<>();

    private ClasspathIndex(int feature) {
        this.feature = feature;
    }

    /**
     * Indexes {@code entries} in order for a JVM of the given feature release.
     *
     * @throws PkgImageException naming the entry when a jar cannot be read
     */
    public static ClasspathIndex of(List<ClasspathEntry> entries, int feature) {
        ClasspathIndex index = new ClasspathIndex(feature);
        for (ClasspathEntry entry : entries) {
            for (Map.Entry<String, String> e : classes(entry.path(), feature).entrySet()) {
                index.locations.putIfAbsent(e.getKey(), new Location(entry, e.getValue()));
            }
        }
        return index;
    }

    /** The origin of the class with internal name {@code name}, or empty when no entry has it. */
    public Optional<Origin> find(String name) {
        return resolved.computeIfAbsent(name, n -> Optional.ofNullable(locations.get(n))
                .map(l -> new Origin(l.entry(), Hashing.sha256(bytes(l.entry().path(), l.resource())))));
    }

    /** The bytes of the class file the JVM would load for {@code name}, or empty when no entry has it. */
    public Optional<byte[]> classFile(String name) {
        return Optional.ofNullable(locations.get(name)).map(l -> bytes(l.entry().path(), l.resource()));
    }

    /** Reads a class file, keeping each jar open until {@link #close()}: hashing opens a jar once, not per class. */
    private byte[] bytes(Path path, String resource) {
        if (Files.isDirectory(path)) {
            return read(path, resource);
        }
        try {
            JarFile jar = open.get(path);
            if (jar == null) {
                jar = new JarFile(path.toFile(), false);
                open.put(path, jar);
            }
            try (InputStream in = jar.getInputStream(jar.getEntry(resource))) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Closes the jars that were opened to hash classes. */
    @Override
    public void close() {
        for (JarFile jar : open.values()) {
            try {
                jar.close();
            } catch (IOException ignored) {
                // read-only use; nothing is lost
            }
        }
        open.clear();
    }

    int feature() {
        return feature;
    }

    /**
     * The class files of one jar or folder as internal name → resource path, with multi-release versions resolved
     * for {@code feature}. A missing entry holds no classes, as on the JVM.
     */
    public static SortedMap<String, String> classes(Path path, int feature) {
        SortedMap<String, String> out = new TreeMap<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f))
                        .forEach(f -> {
                            String resource = path.relativize(f).toString().replace('\\', '/');
                            if (!resource.startsWith("META-INF/")) { // a folder is never multi-release
                                put(out, resource, resource);
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list class folder '" + path + "': " + e.getMessage(), e);
            }
            return out;
        }
        if (!Files.isRegularFile(path)) {
            return out;
        }
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            boolean multiRelease = isMultiRelease(jar);
            Map<String, Integer> chosenVersion = new HashMap<>();
            List<ZipEntry> entries = new ArrayList<>();
            jar.stream().forEach(entries::add);
            for (ZipEntry entry : entries) {
                String name = entry.getName();
                if (!name.endsWith(".class") || entry.isDirectory()) {
                    continue;
                }
                int version = 0;
                String logical = name;
                if (name.startsWith("META-INF/versions/")) {
                    if (!multiRelease) {
                        continue;
                    }
                    String rest = name.substring("META-INF/versions/".length());
                    int slash = rest.indexOf('/');
                    if (slash <= 0) {
                        continue;
                    }
                    try {
                        version = Integer.parseInt(rest.substring(0, slash));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    if (version > feature) {
                        continue;
                    }
                    logical = rest.substring(slash + 1);
                } else if (name.startsWith("META-INF/")) {
                    continue;
                }
                Integer previous = chosenVersion.get(logical);
                if (previous == null || version > previous) {
                    chosenVersion.put(logical, version);
                    put(out, logical, name);
                }
            }
        } catch (IOException e) {
            throw new PkgImageException(
                    "Cannot read jar '" + path + "' on the classpath: " + e.getMessage()
                            + ". Is it corrupt? Delete it from the local repository and build again",
                    e);
        }
        return out;
    }

    private static void put(Map<String, String> out, String logicalResource, String resource) {
        String name = logicalResource.substring(0, logicalResource.length() - ".class".length());
        if (!name.equals("module-info") && !name.endsWith("/module-info")) {
            out.put(name, resource);
        }
    }

    private static boolean isMultiRelease(JarFile jar) throws IOException {
        Manifest manifest = jar.getManifest();
        return manifest != null
                && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE));
    }

    /** Reads one resource of a jar or folder. */
    public static byte[] read(Path path, String resource) {
        try {
            if (Files.isDirectory(path)) {
                return Files.readAllBytes(path.resolve(resource));
            }
            try (JarFile jar = new JarFile(path.toFile(), false);
                    InputStream in = jar.getInputStream(jar.getEntry(resource))) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from '" + path + "': " + e.getMessage(), e);
        }
    }
}
