package io.pkgimage.core.compile;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.image.HotMethod;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the hot methods out of a HotSpot {@code -XX:+LogCompilation} log. */
public final class CompilationLog {
    private static final Pattern NMETHOD = Pattern.compile("<nmethod [^>]*?level='([1-4])'[^>]*?method='([^']+)'");

    private static final Pattern UNICODE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private CompilationLog() {}

    /**
     * The methods of {@code classes} (internal names: the package's own and its dependencies' classes) that were
     * compiled, each with the highest tier it reached.
     */
    public static List<HotMethod> hotMethods(Path log, Set<String> classes) {
        Map<String, HotMethod> best = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("<nmethod ")) {
                    continue;
                }
                Matcher m = NMETHOD.matcher(line);
                if (!m.find()) {
                    continue;
                }
                String[] parts = unescape(m.group(2)).split(" ");
                if (parts.length != 3) {
                    continue;
                }
                // HotSpot writes class names as raw UTF-8 bytes and method names with \\uXXXX escapes
                String internal = new String(parts[0].getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                        .replace('.', '/');
                if (!classes.contains(internal)) {
                    continue;
                }
                HotMethod method = new HotMethod(
                        internal.replace('/', '.'), unicode(parts[1]), parts[2], Integer.parseInt(m.group(1)));
                best.merge(
                        method.className() + " " + method.method() + " " + method.descriptor(),
                        method,
                        (a, b) -> a.level() >= b.level() ? a : b);
            }
        } catch (IOException e) {
            throw new PkgImageException("Cannot read the compilation log '" + log + "': " + e.getMessage(), e);
        }
        return new ArrayList<>(best.values());
    }

    private static String unicode(String name) {
        return UNICODE.matcher(name)
                .replaceAll(u -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(u.group(1), 16))));
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
