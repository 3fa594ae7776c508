package io.pkgimage.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Jars a class folder reproducibly: sorted entries, fixed timestamps, no manifest date; CDS archives only jars. */
public final class DeterministicJar {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

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
     * Like {@link #of}, but leaves an existing {@code target} with the same bytes untouched, so that its time stamp,
     * which CDS archives check, stays valid.
     */
    public static void ofIfChanged(Path folder, Path target) {
        if (!Files.isRegularFile(target)) {
            of(folder, target);
            return;
        }
        try {
            Path fresh = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                of(folder, fresh);
                if (Files.mismatch(fresh, target) != -1) {
                    AtomicFiles.move(fresh, target);
                }
            } finally {
                Files.deleteIfExists(fresh);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write '" + target + "': " + e.getMessage(), e);
        }
    }

    private static String entryName(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
