package io.pkgimage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Fixtures of the core tests: compiling classes and fingerprints computed independently of the code under test. */
public final class TestFiles {
    private TestFiles() {}

    /** The folder {@code root} with each file of {@code files} (relative name → content) written below it. */
    public static Path folder(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return root;
    }

    /** Compiles {@code sources} (binary name → source) for Java 17 into {@code out}; sources go below {@code work}. */
    public static void javac(Path work, Path out, List<Path> classpath, Map<String, String> sources)
            throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        if (!classpath.isEmpty()) {
            args.add("-cp");
            args.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
                .as("javac " + args)
                .isZero();
    }

    public static String sha(String content) {
        return sha(content.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
