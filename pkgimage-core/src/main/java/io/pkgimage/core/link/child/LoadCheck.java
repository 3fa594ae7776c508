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
    /** Printed last, so the parent knows the check ran to its end: {@value}{@code <loaded> <failed> <gc>}. */
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
        System.out.println(DONE + loaded + " " + failed + " " + gc());
    }

    /** The collector this JVM runs with, as the training child names it. */
    private static String gc() {
        for (String gc : new String[] {"G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon"}) {
            try {
                String value = java.lang.management.ManagementFactory.getPlatformMXBean(
                                com.sun.management.HotSpotDiagnosticMXBean.class)
                        .getVMOption("Use" + gc + "GC")
                        .getValue();
                if ("true".equals(value)) {
                    return gc;
                }
            } catch (RuntimeException | LinkageError e) {
                // this JVM has no such collector, or no java.management (a jlinked runtime)
            }
        }
        return "unknown";
    }
}
