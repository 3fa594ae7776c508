package io.pkgimage.core.image;

import io.pkgimage.core.io.Hashing;
import java.util.List;
import java.util.Optional;

/**
 * One class of a recorded classlist, with the lines that only hold for its exact bytes.
 *
 * @param name the internal name, for example {@code com/fasterxml/jackson/core/JsonFactory}
 * @param sha256 the fingerprint of the class file that was loaded; empty for JDK classes
 * @param lines the {@code @cp} and {@code @lambda-proxy} lines whose subject is this class, in recorded order
 */
public record ClassEntry(String name, Optional<String> sha256, List<String> lines) {
    public ClassEntry {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '.')) {
            throw new IllegalArgumentException("Invalid internal class name '" + name + "'");
        }
        sha256.ifPresent(s -> {
            if (!Hashing.isSha256(s)) {
                throw new IllegalArgumentException("Invalid SHA-256 '" + s + "' for class " + name);
            }
        });
        for (String line : lines) {
            if (!line.startsWith("@") || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("Invalid classlist line for " + name + ": '" + line + "'");
            }
        }
        lines = List.copyOf(lines);
    }
}
