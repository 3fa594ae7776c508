package io.pkgimage.core.jdk;

import java.nio.file.Path;

/**
 * A JDK installation that trains, links or runs images.
 *
 * @param home the JDK home (the folder holding {@code bin/java} and {@code release})
 * @param vendor the implementor, for example {@code Eclipse Adoptium}
 * @param version the Java version, for example {@code 25.0.3}
 * @param runtimeVersion the full build, for example {@code 25.0.3+9-LTS}; archives are valid only for one build
 * @param feature the feature release, for example {@code 25}
 */
public record Jdk(Path home, String vendor, String version, String runtimeVersion, int feature) {

    /** The {@code java} launcher of this JDK. */
    public Path javaExecutable() {
        return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    }

    /** Whether this JDK records {@code @cp} lines and supports {@code -XX:+AOTClassLinking} (JDK 24+). */
    public boolean hasAotClassLinking() {
        return feature >= 24;
    }

    @Override
    public String toString() {
        return "JDK " + runtimeVersion + " (" + vendor + ") at " + home;
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");
    }
}
