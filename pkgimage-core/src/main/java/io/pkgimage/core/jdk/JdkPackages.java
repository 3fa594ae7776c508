package io.pkgimage.core.jdk;

import io.pkgimage.core.PkgImageException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The packages of a JDK's run-time image, read from its {@code jrt:/} file system. */
public final class JdkPackages {
    private static final Map<Path, Set<String>> CACHE = new ConcurrentHashMap<>();

    private JdkPackages() {}

    /** The internal names ({@code java/lang}) of every package in {@code jdk}'s modules. */
    public static Set<String> of(Jdk jdk) {
        return CACHE.computeIfAbsent(jdk.home(), JdkPackages::read);
    }

    /** Whether {@code className} (internal name) is in a package of {@code jdk}. */
    public static boolean contains(Jdk jdk, String className) {
        int slash = className.lastIndexOf('/');
        return slash > 0 && of(jdk).contains(className.substring(0, slash));
    }

    private static Set<String> read(Path home) {
        boolean current = home.equals(
                Path.of(System.getProperty("java.home")).toAbsolutePath().normalize());
        try {
            if (current) {
                return list(FileSystems.getFileSystem(URI.create("jrt:/")));
            }
            try (FileSystem jrt =
                    FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", home.toString()))) {
                return list(jrt);
            }
        } catch (IOException | RuntimeException e) {
            throw new PkgImageException(
                    "Cannot read the modules of the JDK at '" + home + "' (lib/modules): " + e
                            + ". Is the JDK complete?",
                    e);
        }
    }

    private static Set<String> list(FileSystem jrt) throws IOException {
        try (Stream<Path> packages = Files.list(jrt.getPath("/packages"))) {
            return packages.map(p -> p.getFileName().toString().replace('.', '/'))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
