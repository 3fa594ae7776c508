package io.pkgimage.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Jars a class folder as {@code maven-jar-plugin} does, reproducibly: {@code META-INF/MANIFEST.MF} first (the folder's
 * own manifest if it has one, else a minimal one), then an entry for every folder and every file, sorted, with fixed
 * timestamps. The folder entries matter: without them {@code ClassLoader.getResources("com/acme/")} finds nothing in
 * the jar, and every scanner built on it (Spring's component scan, CDI discovery) finds no class. CDS archives only
 * jars.
 */
public final class DeterministicJar {
    /** The manifest's name in a jar. */
    public static final String MANIFEST = JarFile.MANIFEST_NAME;

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
    private static final long CONTENT_TIME_BASE = 946_684_800_000L; // 2000-01-01T00:00:00Z

    private DeterministicJar() {}

    /** Writes the folders and files below {@code folder} into the jar {@code target}, atomically. */
    public static void of(Path folder, Path target) {
        TreeSet<String> names = new TreeSet<>();
        Map<String, Path> files = new HashMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (p.equals(folder)) {
                        continue;
                    }
                    String name = entryName(folder, p);
                    if (Files.isDirectory(p)) {
                        names.add(name + "/");
                    } else if (Files.isRegularFile(p)) {
                        names.add(name);
                        files.put(name, p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list '" + folder + "': " + e.getMessage(), e);
            }
        }
        names.remove("META-INF/");
        names.remove(MANIFEST);
        byte[] manifest = manifest(files.get(MANIFEST));
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            directory(zip, "META-INF/");
            ZipEntry m = entry(MANIFEST);
            zip.putNextEntry(m);
            zip.write(manifest);
            zip.closeEntry();
            for (String name : names) {
                if (name.endsWith("/")) {
                    directory(zip, name);
                } else {
                    zip.putNextEntry(entry(name));
                    Files.copy(files.get(name), zip);
                    zip.closeEntry();
                }
            }
            zip.finish();
            zip.flush();
        });
    }

    /**
     * Whether {@code jar} holds what {@code folder} holds, file for file and byte for byte, and no other class or
     * resource: what Maven packaged of the folder (its manifest and {@code META-INF/maven/} aside), so that the JVM
     * finds the same classes and resources in it. A jar that is not readable, such as one repackaged with the classes
     * elsewhere (Spring Boot's {@code BOOT-INF/classes/}), does not.
     */
    public static boolean holdsTheSameAs(Path folder, Path jar) {
        if (!Files.isDirectory(folder) || !Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> own = fileNames(folder);
            own.remove(MANIFEST); // the jar's own manifest is Maven's, written from the POM's <archive>
            for (String name : own) {
                Path file = folder.resolve(name);
                ZipEntry e = zip.getEntry(name);
                if (e == null || e.isDirectory() || e.getSize() != Files.size(file)) {
                    return false;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    if (!Arrays.equals(in.readAllBytes(), Files.readAllBytes(file))) {
                        return false;
                    }
                }
            }
            long others = zip.stream()
                    .filter(e -> !e.isDirectory()
                            && !e.getName().equals(MANIFEST)
                            && !e.getName().startsWith("META-INF/maven/"))
                    .count();
            return others == own.size();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The names that the files below {@code folder} have in a jar of it (relative, with {@code /}), sorted.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static Set<String> fileNames(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(f -> entryName(folder, f))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list '" + folder + "': " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #of}, but leaves an existing {@code target} with the same bytes untouched, and gives a new one a
     * time stamp derived from its content: CDS archives check a jar's size and time, so a jar written again with the
     * same content (after {@code mvn clean}) keeps archives valid, while one with other content does not.
     */
    public static void ofIfChanged(Path folder, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path fresh = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                of(folder, fresh);
                if (!Files.isRegularFile(target) || Files.mismatch(fresh, target) != -1) {
                    Files.setLastModifiedTime(fresh, contentTime(fresh));
                    AtomicFiles.move(fresh, target);
                }
            } finally {
                Files.deleteIfExists(fresh);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write '" + target + "': " + e.getMessage(), e);
        }
    }

    /** A time between 2000 and 2034 taken from the first 40 bits of the file's SHA-256. */
    static FileTime contentTime(Path file) {
        String sha = Hashing.sha256(file);
        long offset = Long.parseLong(sha.substring(0, 10), 16);
        return FileTime.fromMillis(CONTENT_TIME_BASE + offset);
    }

    /** The folder's own manifest, with a version if it lacks one, else a minimal manifest. */
    private static byte[] manifest(Path own) {
        Manifest manifest = new Manifest();
        if (own != null) {
            try (InputStream in = Files.newInputStream(own)) {
                manifest.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the manifest '" + own + "': " + e.getMessage(), e);
            }
        }
        Attributes main = manifest.getMainAttributes();
        main.putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (own == null) {
            main.put(new Attributes.Name("Created-By"), "pkgimage");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            manifest.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void directory(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(entry(name));
        zip.closeEntry();
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }

    private static String entryName(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
