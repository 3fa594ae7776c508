package io.pkgimage.core.soundness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The frames of a stack trace that a child JVM printed ({@link TestRecord#trace()}), to rebuild its exception. */
public final class StackFrames {
    private static final Pattern FRAME = Pattern.compile("^\\s+at (?:[^ /]+/)*([^ (]+)\\.([^ .(]+)\\((.*)\\)$");

    private StackFrames() {}

    /**
     * The frames of a printed stack trace, up to its first cause: its {@code at} lines, without their module
     * ({@code java.base/}); a frame without a line number (a native method, an unknown source) has line {@code -1}.
     * Lines of another shape are passed over; an empty trace has no frames.
     */
    public static StackTraceElement[] parse(String trace) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (String line : trace.split("\n")) {
            if (line.startsWith("Caused by:")) {
                break;
            }
            Matcher m = FRAME.matcher(line);
            if (m.matches()) {
                String where = m.group(3);
                int colon = where.lastIndexOf(':');
                String file = colon > 0 ? where.substring(0, colon) : where;
                int lineNumber = -1;
                if (colon > 0) {
                    try {
                        lineNumber = Integer.parseInt(where.substring(colon + 1));
                    } catch (NumberFormatException e) {
                        // no line
                    }
                }
                frames.add(new StackTraceElement(m.group(1), m.group(2), file, lineNumber));
            }
        }
        return frames.toArray(StackTraceElement[]::new);
    }
}
