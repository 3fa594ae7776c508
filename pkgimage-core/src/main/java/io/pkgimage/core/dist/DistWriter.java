package io.pkgimage.core.dist;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.io.DeterministicJar;
import io.pkgimage.core.process.ForkedJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes a dist ({@link DistLayout}): into a folder beside it, which then replaces the old one whole. */
public final class DistWriter {
    /**
     * The time the dist's jars and images are given: Jib's default for the files of an image, so that an image Jib
     * builds keeps the archive valid as it is.
     */
    public static final FileTime FILE_TIME = FileTime.fromMillis(1000);

    private static final String SAFE = "[A-Za-z0-9._+-]+";

    private DistWriter() {}

    /**
     * What goes into a dist.
     *
     * @param name the application's name (the start script's)
     * @param mainClass the class to run
     * @param classpath the class path in order: each a jar, or a class folder (jarred as {@code maven-jar-plugin}
     *     would), under the file name it gets in {@code lib/}
     * @param images the package images of that class path, under the file names they get in {@code images/}
     * @param launcher the jars of pkgimage's linker
     * @param jvmOptions JVM options the start script always passes, before {@code JAVA_OPTS}
     * @param toolVersion the version of pkgimage
     */
    public record Contents(
            String name,
            String mainClass,
            Map<String, Path> classpath,
            Map<String, Path> images,
            List<Path> launcher,
            List<String> jvmOptions,
            String toolVersion) {
        public Contents {
            classpath = new LinkedHashMap<>(classpath);
            images = new LinkedHashMap<>(images);
            launcher = List.copyOf(launcher);
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /**
     * Writes the dist of {@code contents} at {@code root}, replacing what was there.
     *
     * @throws PkgImageException if a name cannot be a file name in a start script, or a file cannot be read or written
     */
    public static DistLayout write(Path root, Contents contents) {
        check(contents.name(), "application name");
        if (!contents.mainClass().matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*")) {
            throw new PkgImageException("'" + contents.mainClass() + "' is not a class name");
        }
        String options = scriptOptions(contents.jvmOptions());
        Path abs = root.toAbsolutePath().normalize();
        Path fresh = abs.resolveSibling("." + abs.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(fresh.resolve("bin"));
            List<String> classpath = copy(contents.classpath(), fresh, "lib");
            List<String> images = copy(contents.images(), fresh, "images");
            Path launcher = Files.createDirectories(fresh.resolve(DistLayout.LAUNCHER));
            for (Path jar : contents.launcher()) {
                if (Files.isDirectory(jar)) {
                    DeterministicJar.of(jar, launcher.resolve(jar.getFileName() + ".jar"));
                } else {
                    Files.copy(jar, launcher.resolve(jar.getFileName()));
                }
            }
            Files.createDirectories(fresh.resolve(DistLayout.LINK));
            DistLayout layout = new DistLayout(
                    contents.name(), contents.mainClass(), classpath, images, FILE_TIME, contents.toolVersion());
            layout.write(fresh);
            Path script = fresh.resolve("bin").resolve(contents.name());
            Files.writeString(script, script(contents, classpath, options), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            replace(fresh, abs);
            return layout;
        } catch (IOException e) {
            throw new PkgImageException("Cannot write the dist '" + abs + "': " + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteTree(fresh);
        }
    }

    private static List<String> copy(Map<String, Path> files, Path root, String folder) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            check(e.getKey(), "file name");
            Path target = dir.resolve(e.getKey());
            if (Files.isDirectory(e.getValue())) {
                DeterministicJar.of(e.getValue(), target);
            } else {
                Files.copy(e.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.setLastModifiedTime(target, FILE_TIME);
            names.add(folder + "/" + e.getKey());
        }
        return names;
    }

    private static String script(Contents contents, List<String> classpath, String options) throws IOException {
        String template;
        try (InputStream in = DistWriter.class.getResourceAsStream("start.sh")) {
            if (in == null) {
                throw new IOException("the start script's template is missing from pkgimage-core");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template.replace("@NAME@", contents.name())
                .replace("@MAIN@", contents.mainClass())
                .replace("@VERSION@", contents.toolVersion())
                .replace("@JVM_OPTIONS@", options)
                .replace(
                        "@CLASSPATH@", classpath.stream().map(p -> "$root/" + p).collect(Collectors.joining(":")));
    }

    /** The options as the start script holds them, unquoted: each must be a word the shell keeps as it is. */
    private static String scriptOptions(List<String> options) {
        for (String o : options) {
            if (!o.matches("[A-Za-z0-9_=:,./+@%-]+")) {
                throw new PkgImageException("The JVM option '" + o + "' cannot go into the start script unquoted;"
                        + " give it in JAVA_OPTS at run time instead");
            }
        }
        return String.join(" ", options);
    }

    /** Puts {@code fresh} at {@code target}: the old dist is moved aside, then removed. */
    private static void replace(Path fresh, Path target) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + "-old-" + UUID.randomUUID());
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        try {
            Files.move(fresh, target);
        } finally {
            AtomicFiles.deleteTree(old);
        }
    }

    private static void check(String name, String what) {
        if (!name.matches(SAFE)) {
            throw new PkgImageException("The " + what + " '" + name + "' must be letters, digits, '.', '_', '+'"
                    + " and '-' only, to be a file name of the dist and its start script");
        }
    }

    /** The location of pkgimage's linker: what a dist's launcher folder holds. */
    public static List<Path> launcherJars() {
        return List.of(ForkedJvm.locationOf(DistLauncher.class));
    }
}
