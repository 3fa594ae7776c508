package io.pkgimage.core;

import io.pkgimage.core.io.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The version of pkgimage that runs, for the keys of what it makes (a new version never reuses an older output). */
public final class PkgImageVersion {
    private static final String VERSION = read();

    private PkgImageVersion() {}

    /** The version, as the build that made this copy of pkgimage set it. */
    public static String current() {
        return VERSION;
    }

    /**
     * The version for a cache key: the version and, for a {@code -SNAPSHOT} (whose code changes under one version),
     * the SHA-256 of the jar this class came from.
     */
    public static String forKeys() {
        if (!VERSION.endsWith("-SNAPSHOT")) {
            return VERSION;
        }
        try {
            Path location = Path.of(PkgImageVersion.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) ? VERSION + " " + Hashing.sha256(location) : VERSION;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return VERSION;
        }
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = PkgImageVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unknown version below
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }
}
