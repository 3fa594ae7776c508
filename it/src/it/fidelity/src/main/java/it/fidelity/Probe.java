package it.fidelity;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a framework asks the class path, answered the way Spring's scan, CDI discovery or a plugin loader asks it. */
public final class Probe {
    private Probe() {}

    /** The classes of a package found by scanning the roots that {@code getResources("<package>/")} answers. */
    public static TreeSet<String> scan(String pkg) throws IOException, URISyntaxException {
        String path = pkg.replace('.', '/') + "/";
        TreeSet<String> found = new TreeSet<>();
        for (URL root : Collections.list(Probe.class.getClassLoader().getResources(path))) {
            URLConnection c = root.openConnection();
            c.setUseCaches(false); // a JarFile of its own, closed here
            if (c instanceof JarURLConnection jar) {
                try (JarFile file = jar.getJarFile()) {
                    file.stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith(path) && n.endsWith(".class") && n.indexOf('/', path.length()) < 0)
                            .forEach(n -> found.add(n.substring(path.length(), n.length() - 6)));
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".class"))
                            .forEach(n -> found.add(n.substring(0, n.length() - 6)));
                }
            }
        }
        return found;
    }

    /** The module's own manifest, read where its classes come from (its code source), as a version lookup does. */
    public static String ownManifestAttribute(String name) throws IOException, URISyntaxException {
        Path source = Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        if (Files.isDirectory(source)) {
            try (InputStream in = Files.newInputStream(source.resolve("META-INF/MANIFEST.MF"))) {
                manifest = new Manifest(in);
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                manifest = jar.getManifest();
            }
        }
        return manifest.getMainAttributes().getValue(new Attributes.Name(name));
    }

    /** Whether the code source of the module's classes is an existing jar or folder. */
    public static boolean codeSourceExists() throws URISyntaxException {
        URL location = Probe.class.getProtectionDomain().getCodeSource().getLocation();
        return Files.exists(Path.of(location.toURI()));
    }

    /** The greetings of the module's services, by ServiceLoader. */
    public static List<String> greetings() {
        return ServiceLoader.load(Greeting.class).stream()
                .map(p -> p.get().greet("Ada"))
                .collect(Collectors.toList());
    }

    /** A property of the first {@code it/fidelity/settings.properties} on the class path. */
    public static String setting(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Probe.class.getResourceAsStream("/it/fidelity/settings.properties")) {
            p.load(in);
        }
        return p.getProperty(key);
    }

    /** How many {@code it/fidelity/settings.properties} the class path holds. */
    public static int settingsFiles() throws IOException {
        return Collections.list(Probe.class.getClassLoader().getResources("it/fidelity/settings.properties"))
                .size();
    }

    /** A resource of the module, read as a stream. */
    public static String data() throws IOException {
        try (InputStream in = Probe.class.getResourceAsStream("/it/fidelity/data.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
