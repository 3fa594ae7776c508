package io.pkgimage.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Jars a class folder reproducibly: sorted entries, fixed timestamps, no manifest date; CDS archives only jars. */
public final class DeterministicJar {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
    private static final long CONTENT_TIME_BASE = 946_684_800_000L; // 2000-01-01T00:00:00Z

    private DeterministicJar() {}

    /** Writes the files below {@code folder} into the jar {@code target}, atomically. */
    public static void of(Path folder, Path target) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> entryName(folder, a).compareTo(entryName(folder, b)))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list '" + folder + "': " + e.getMessage(), e);
        }
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(entryName(folder, file));
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        });
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

    private static String entryName(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
