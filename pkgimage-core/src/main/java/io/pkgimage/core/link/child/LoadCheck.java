package io.pkgimage.core.link.child;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code main} of the JVM that proves a linked archive maps: it loads the listed classes without initialising
 * them, while the parent reads the JVM's class-load log to see which came from the archive. JDK types only.
 */
public final class LoadCheck {
    /** Printed last, so the parent knows the check ran to its end: {@value}{@code <loaded> <failed>}. */
    public static final String DONE = "##pkgimage## loaded ";

    private LoadCheck() {}

    public static void main(String[] args) throws Exception {
        List<String> names = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        int loaded = 0;
        int failed = 0;
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            try {
                Class.forName(name.replace('/', '.'), false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                failed++;
            }
        }
        System.out.println(DONE + loaded + " " + failed);
    }
}
