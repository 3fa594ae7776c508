package io.pkgimage.core.link;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JVM's {@code -Xlog:class+load} lines: which classes came from a mapped CDS archive, which from a file. The
 * JVM pads a line's decorations to the widest it has written to the same output, so a JVM that also logs a longer tag
 * set there (Flight Recorder's {@code [jfr,startup]}, a service's {@code -Xlog:gc*}) writes {@code [class,load ]}.
 */
public final class ClassLoadLog {
    private static final Pattern LINE = Pattern.compile("\\[class,load *\\] +(\\S+) source: (.*)$");
    /** The source of a class loaded from the static archive; a dynamic top layer says "(top)" after it. */
    private static final String FROM_ARCHIVE = "shared objects file";

    private ClassLoadLog() {}

    /**
     * The class that {@code line} says was loaded from the archive, as the JVM names it ({@code a.b.C}, a hidden class
     * with its {@code /0x…} suffix); empty for any other line.
     */
    public static Optional<String> classFromArchive(String line) {
        return loaded(line, source -> source.equals(FROM_ARCHIVE));
    }

    /** The class that {@code line} says was read from a file (a jar or a class folder); empty for any other line. */
    public static Optional<String> classFromFile(String line) {
        return loaded(line, source -> source.startsWith("file:"));
    }

    private static Optional<String> loaded(String line, Predicate<String> source) {
        if (!line.contains("[class,load")) {
            return Optional.empty(); // most lines of a mixed output: skip the pattern
        }
        Matcher m = LINE.matcher(line);
        return m.find() && source.test(m.group(2)) ? Optional.of(m.group(1)) : Optional.empty();
    }
}
