package io.pkgimage.core.jdk;

import io.pkgimage.core.PkgImageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The packages and classes of a JDK's run-time image, read from its {@code jrt:/} file system. */
public final class JdkPackages {
    private static final Map<Path, RuntimeImage> CACHE = new ConcurrentHashMap<>();

    /** A JDK's {@code jrt:/} file system, kept open, and the modules of each of its packages. */
    private record RuntimeImage(FileSystem jrt, Map<String, List<String>> modulesByPackage) {}

    private JdkPackages() {}

    /** The internal names ({@code java/lang}) of every package in {@code jdk}'s modules. */
    public static Set<String> of(Jdk jdk) {
        return image(jdk).modulesByPackage().keySet();
    }

    /** Whether {@code className} (internal name) is in a package of {@code jdk}. */
    public static boolean contains(Jdk jdk, String className) {
        int slash = className.lastIndexOf('/');
        return slash > 0 && of(jdk).contains(className.substring(0, slash));
    }

    /**
     * Whether {@code className} (internal name) is a class of {@code jdk}'s run-time image: in one of its packages
     * and in a module's files. Classes that the JDK generates at run time in its own packages (JFR's event handlers,
     * for one) are not, and no archive can hold them.
     */
    public static boolean hasClass(Jdk jdk, String className) {
        int slash = className.lastIndexOf('/');
        if (slash <= 0) {
            return false;
        }
        RuntimeImage image = image(jdk);
        List<String> modules = image.modulesByPackage().get(className.substring(0, slash));
        return modules != null
                && modules.stream()
                        .anyMatch(m -> Files.isRegularFile(image.jrt().getPath("/modules", m, className + ".class")));
    }

    private static RuntimeImage image(Jdk jdk) {
        return CACHE.computeIfAbsent(jdk.home(), JdkPackages::read);
    }

    private static RuntimeImage read(Path home) {
        boolean current = home.equals(
                Path.of(System.getProperty("java.home")).toAbsolutePath().normalize());
        try {
            // kept open for the life of this JVM, one per JDK: class lookups read it
            FileSystem jrt = current
                    ? FileSystems.getFileSystem(URI.create("jrt:/"))
                    : FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", home.toString()));
            return new RuntimeImage(jrt, list(jrt));
        } catch (IOException | RuntimeException e) {
            throw new PkgImageException(
                    "Cannot read the modules of the JDK at '" + home + "' (lib/modules): " + e
                            + ". Is the JDK complete?",
                    e);
        }
    }

    private static Map<String, List<String>> list(FileSystem jrt) throws IOException {
        try (Stream<Path> packages = Files.list(jrt.getPath("/packages"))) {
            return packages.collect(Collectors.toUnmodifiableMap(
                    p -> p.getFileName().toString().replace('.', '/'), JdkPackages::modules));
        }
    }

    private static List<String> modules(Path packageFolder) {
        try (Stream<Path> modules = Files.list(packageFolder)) {
            return modules.map(m -> m.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
