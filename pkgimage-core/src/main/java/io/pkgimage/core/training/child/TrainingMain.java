package io.pkgimage.core.training.child;

import io.pkgimage.core.process.ParentWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The {@code main} of the training JVM: runs the package's tests through the JUnit Platform Launcher, or a main
 * class of the package (a recorded workload), or, for a package without tests, loads its classes without
 * initialising them, while the JVM records its classlist.
 *
 * <p>The contract with {@code TrainingLauncher}: one argument, a properties file with the configuration; progress
 * lines on standard output start with {@value #PROGRESS}; the results go to the properties file named by {@code
 * results}, written last and atomically with {@code goodbye=true} (by a shutdown hook when a main class ends the
 * JVM with {@code System.exit}; its exit code then tells whether the workload succeeded). Before a main class runs,
 * the file is written with {@code mainStarted=true} instead: a main that halts the JVM ({@code Runtime.halt}, which
 * runs no shutdown hook) leaves that, and the exit code again tells how the workload ended. The child halts when its
 * parent is gone ({@link ParentWatch}), so it never outlives it. This class uses only the JDK, so that a package without tests trains without
 * the JUnit Platform; {@link JUnitTraining} runs tests.
 */
public final class TrainingMain {
    /** Marks a progress line: {@code ##pkgimage## progress <run> <failed> <skipped>}. */
    public static final String PROGRESS = "##pkgimage## progress ";

    private TrainingMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        ParentWatch.start();
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TrainingMain <configuration file>");
        }
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        TrainingResults results = new TrainingResults();
        List<String> classes = indexed(config, "class.");
        Path resultsFile = Path.of(config.getProperty("results"));
        if ("tests".equals(config.getProperty("mode"))) {
            JUnitTraining.run(config, classes, results, out);
        } else if ("main".equals(config.getProperty("mode"))) {
            runMain(config.getProperty("mainClass"), indexed(config, "argument."), results, resultsFile);
        } else {
            loadClasses(classes, results);
        }
        out.flush();
        writeResults(resultsFile, results);
        System.exit(0);
    }

    private static void runMain(String name, List<String> args, TrainingResults results, Path resultsFile)
            throws IOException {
        Thread exitedEarly = new Thread(() -> {
            results.run = 1; // it ran to its System.exit; the exit code says how it ended
            try {
                writeResults(resultsFile, results);
            } catch (IOException e) {
                System.err.println("pkgimage: cannot write the training results: " + e);
            }
        });
        Runtime.getRuntime().addShutdownHook(exitedEarly);
        try {
            // a workload may also halt the JVM, which runs no shutdown hook (Spring's -Dspring.context.exit=onRefresh
            // does, right after the context refreshes): this first file then says the main ran until it halted
            writeResults(resultsFile, results, true);
            Method main = Class.forName(name, false, ClassLoader.getSystemClassLoader())
                    .getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new NoSuchMethodException("public static void main(String[]) in " + name);
            }
            main.invoke(null, (Object) args.toArray(new String[0]));
            results.run = 1;
        } catch (InvocationTargetException e) {
            results.failed = 1;
            results.failures.add(name + ".main " + args + " — " + e.getCause());
            e.getCause().printStackTrace();
        } catch (ReflectiveOperationException | LinkageError e) {
            results.failed = 1;
            results.failures.add(name + " — cannot run its main method: " + e);
        } finally {
            Runtime.getRuntime().removeShutdownHook(exitedEarly);
        }
    }

    private static void loadClasses(List<String> classes, TrainingResults results) {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        for (String name : classes) {
            try {
                Class.forName(name, false, loader);
                results.run++;
            } catch (ClassNotFoundException | LinkageError e) {
                results.failed++;
                results.failures.add(name + " — " + e);
            }
        }
    }

    private static void writeResults(Path file, TrainingResults results) throws IOException {
        writeResults(file, results, false);
    }

    /** Writes the results; {@code started} marks the file written before a main runs, in place of a goodbye. */
    private static void writeResults(Path file, TrainingResults results, boolean started) throws IOException {
        Properties p = new Properties();
        p.setProperty("run", Integer.toString(results.run));
        p.setProperty("failed", Integer.toString(results.failed));
        p.setProperty("skipped", Integer.toString(results.skipped));
        for (int i = 0; i < results.failures.size(); i++) {
            p.setProperty("failure." + i, results.failures.get(i));
        }
        p.setProperty("gc", gc());
        p.setProperty("compressedOops", vmOption("UseCompressedOops"));
        p.setProperty("vendor", System.getProperty("java.vm.vendor", "unknown"));
        p.setProperty("runtimeVersion", System.getProperty("java.runtime.version", "unknown"));
        p.setProperty("feature", Integer.toString(Runtime.version().feature()));
        p.setProperty(started ? "mainStarted" : "goodbye", "true");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
            p.store(o, null);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String gc() {
        for (String gc : new String[] {"G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon"}) {
            if ("true".equals(vmOption("Use" + gc + "GC"))) {
                return gc;
            }
        }
        return "unknown";
    }

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name)
                    .getValue();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    static List<String> indexed(Properties config, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 0; config.containsKey(prefix + i); i++) {
            values.add(config.getProperty(prefix + i));
        }
        return values;
    }
}
