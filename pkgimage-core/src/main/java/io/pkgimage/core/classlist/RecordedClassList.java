package io.pkgimage.core.classlist;

import io.pkgimage.core.PkgImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classlist as the JVM writes it with {@code -XX:DumpLoadedClassList}, parsed into classes and the lines that
 * belong to them.
 *
 * <p>JDK 17 writes a class name per line; JDK 24+ adds {@code id:} numbers and {@code @cp} lines. Classes of
 * user-defined class loaders (lines with {@code source:}) cannot be archived for the application class path and are
 * left out, as are ids, which only matter inside one file and are renumbered when images are linked.
 *
 * @param classes internal names in load order, each once
 * @param classLines the {@code @cp} and {@code @lambda-proxy} lines by the class they belong to
 * @param lambdaFormInvokers the {@code @lambda-form-invoker} lines
 * @param skipped lines that were not kept (classes of custom loaders, unknown tags)
 */
public record RecordedClassList(
        List<String> classes, Map<String, List<String>> classLines, List<String> lambdaFormInvokers, int skipped) {

    /** Reads the classlist file {@code file}. */
    public static RecordedClassList read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PkgImageException("Cannot read the recorded classlist '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Parses classlist lines. */
    public static RecordedClassList parse(List<String> lines) {
        Map<String, Boolean> classes = new LinkedHashMap<>();
        Map<String, List<String>> classLines = new LinkedHashMap<>();
        List<String> invokers = new ArrayList<>();
        int skipped = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                String[] parts = line.split(" ", 3);
                String tag = parts[0];
                if (tag.equals("@lambda-form-invoker")) {
                    if (!invokers.contains(line)) {
                        invokers.add(line);
                    }
                } else if ((tag.equals("@cp") || tag.equals("@lambda-proxy")) && parts.length == 3) {
                    List<String> of = classLines.computeIfAbsent(parts[1], k -> new ArrayList<>());
                    if (!of.contains(line)) { // the classlists of several JVMs, one after the other
                        of.add(line);
                    }
                } else {
                    skipped++;
                }
                continue;
            }
            String[] parts = line.split(" ");
            boolean custom = line.contains(" source: ") || line.contains(" super: ");
            if (custom || !(parts.length == 1 || (parts.length == 3 && parts[1].equals("id:")))) {
                skipped++;
                continue;
            }
            classes.putIfAbsent(parts[0], Boolean.TRUE);
        }
        return new RecordedClassList(List.copyOf(classes.keySet()), classLines, invokers, skipped);
    }

    /** The lines that belong to {@code name}, in recorded order. */
    public List<String> linesOf(String name) {
        return classLines.getOrDefault(name, List.of());
    }
}
