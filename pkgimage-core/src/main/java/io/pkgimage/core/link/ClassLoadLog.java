package io.pkgimage.core.link;

import java.util.Optional;

/** Reads the JVM's {@code -Xlog:class+load} lines: which classes came from a mapped CDS archive. */
public final class ClassLoadLog {
    private static final String TAG = "[class,load] ";
    /** The source of a class loaded from the static archive; a dynamic top layer says "(top)" after it. */
    private static final String FROM_ARCHIVE = "source: shared objects file";

    private ClassLoadLog() {}

    /**
     * The class that {@code line} says was loaded from the archive, as the JVM names it ({@code a.b.C}, a hidden class
     * with its {@code /0x…} suffix); empty for any other line.
     */
    public static Optional<String> classFromArchive(String line) {
        int tag = line.indexOf(TAG);
        if (tag < 0 || !line.endsWith(FROM_ARCHIVE)) {
            return Optional.empty();
        }
        String rest = line.substring(tag + TAG.length());
        int space = rest.indexOf(' ');
        return space > 0 ? Optional.of(rest.substring(0, space)) : Optional.empty();
    }
}
