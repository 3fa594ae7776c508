package io.pkgimage.core.dist;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a relocatable application folder (a dist) holds, as {@code pkgimage/dist.properties} in it records it: paths
 * are relative to the dist's root, so the folder can be moved, copied or mounted anywhere.
 *
 * <pre>
 * bin/&lt;name&gt;              the start script (POSIX sh)
 * lib/                     the application's runtime jars, its own first
 * images/                  the package images of that class path
 * pkgimage/dist.properties this record
 * lib/pkgimage/            pkgimage's linker, which the start script runs when the archive does not hold
 * pkgimage/link/           the archive linked when the dist was made, and the state of later links
 * </pre>
 *
 * @param name the application's name: the start script's and the archive's
 * @param mainClass the class the start script runs
 * @param classpath the class path, relative to the root, in order
 * @param images the package images, relative to the root
 * @param fileTime the modification time every file of {@code lib/} and {@code images/} was given, so that a copy
 *     that keeps times (or sets them all to one, as Jib does) keeps the archive valid, and one that does not can be
 *     put back
 * @param toolVersion the version of pkgimage that made it, part of every link key
 */
public record DistLayout(
        String name,
        String mainClass,
        List<String> classpath,
        List<String> images,
        FileTime fileTime,
        String toolVersion) {
    /** The record's file, relative to the root. */
    public static final String PROPERTIES = "pkgimage/dist.properties";
    /**
     * The folder of the launcher's jars, relative to the root: under {@code lib/}, since the proof JVM adds them to the
     * class path, and JDK 25 maps an archive whose jars moved only when every class path entry is under their new
     * common folder (measured: an entry elsewhere, and it looks for the jars one folder up).
     */
    public static final String LAUNCHER = "lib/pkgimage";
    /** The folder of the link made with the dist, and of later links when the dist can be written. */
    public static final String LINK = "pkgimage/link";

    private static final int FORMAT = 1;

    public DistLayout {
        classpath = List.copyOf(classpath);
        images = List.copyOf(images);
    }

    /**
     * Reads the record of the dist at {@code root}.
     *
     * @throws PkgImageException if it is missing, of another format or incomplete, naming the file
     */
    public static DistLayout read(Path root) {
        Path file = root.resolve(PROPERTIES);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new PkgImageException(
                    "Cannot read '" + file + "': " + e.getMessage()
                            + ". Is '" + root + "' a folder that pkgimage:dist wrote? Make it again with mvn package"
                            + " pkgimage:dist",
                    e);
        }
        if (!String.valueOf(FORMAT).equals(p.getProperty("format"))) {
            throw new PkgImageException("'" + file + "' is of format " + p.getProperty("format") + ", not " + FORMAT
                    + ": another pkgimage wrote it. Make the dist again with this one (mvn package pkgimage:dist)");
        }
        try {
            return new DistLayout(
                    required(p, "name", file),
                    required(p, "mainClass", file),
                    split(p.getProperty("classpath", "")),
                    split(p.getProperty("images", "")),
                    FileTime.fromMillis(Long.parseLong(required(p, "fileTime", file))),
                    required(p, "toolVersion", file));
        } catch (NumberFormatException e) {
            throw new PkgImageException("'" + file + "' has a fileTime that is not a number: " + e.getMessage(), e);
        }
    }

    /** Writes this record into the dist at {@code root}, atomically. */
    public void write(Path root) {
        Properties p = new Properties();
        p.setProperty("format", String.valueOf(FORMAT));
        p.setProperty("name", name);
        p.setProperty("mainClass", mainClass);
        p.setProperty("classpath", String.join(":", classpath));
        p.setProperty("images", String.join(":", images));
        p.setProperty("fileTime", String.valueOf(fileTime.toMillis()));
        p.setProperty("toolVersion", toolVersion);
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // without the date line that Properties.store writes first, so that the same dist is the same bytes
        String body =
                text.toString().lines().filter(l -> !l.startsWith("#")).sorted().reduce("", (a, b) -> a + b + "\n");
        AtomicFiles.writeString(
                root.resolve(PROPERTIES), "# the layout of this dist, written by pkgimage:dist\n" + body);
    }

    /** The files whose times the archive depends on: the class path and the images, relative to the root. */
    public List<String> timedFiles() {
        return java.util.stream.Stream.concat(classpath.stream(), images.stream())
                .toList();
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new PkgImageException(
                    "'" + file + "' has no " + key + ". Make the dist again (mvn package" + " pkgimage:dist)");
        }
        return value;
    }

    private static List<String> split(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.split(":"));
    }
}
