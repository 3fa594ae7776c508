package io.pkgimage.core.link;

import io.pkgimage.core.link.child.LoadCheck;
import io.pkgimage.core.process.ForkedJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dumps a CDS archive with the target JDK and proves that the target JVM maps it: the two steps that run the JDK, and
 * the only ones that can tell that an archive is usable.
 */
final class ArchiveDumper {
    private ArchiveDumper() {}

    /**
     * How the dump went.
     *
     * @param millis its wall time
     * @param warnings classes the JDK would not archive
     */
    record Dump(long millis, int warnings) {}

    /**
     * What the proof found.
     *
     * @param checked class-path classes the archive should hold
     * @param shared how many of them the JVM loaded from the archive
     * @param gc the garbage collector the JVM ran with
     * @param millis its wall time
     */
    record Proof(int checked, int shared, String gc, long millis) {}

    /** Dumps {@code classlist} into {@code archive} with the request's JDK and options, on {@code classpath}. */
    static Dump dump(LinkRequest request, Path classlist, Path archive, List<Path> classpath, Path work) {
        List<String> args = new ArrayList<>();
        args.add("-Xshare:dump");
        args.add("-XX:SharedClassListFile=" + classlist);
        args.add("-XX:SharedArchiveFile=" + archive);
        if (request.jdk().hasAotClassLinking()) {
            args.add("-XX:+AOTClassLinking");
        }
        // the dumping JVM runs much Java code once (method-handle forms); C2 only costs it time, not the archive
        args.add("-XX:TieredStopAtLevel=1");
        // the JVM refuses to dump with a Java agent; the run's agent shapes the archive by its module only
        args.addAll(JavaAgents.dumpOptions(request.jvmOptions(), System.getenv()));
        args.add("-cp");
        args.add(LinkClasspath.join(classpath));
        int[] warnings = {0};
        ForkedJvm.Exit exit = ForkedJvm.run(
                request.jdk(),
                args,
                work.resolve("dump.args"),
                work,
                JavaAgents.dumpEnvironment(System.getenv()),
                request.timeout(),
                line -> {
                    if (line.contains("Preload Warning") || line.contains("Skipping ")) {
                        warnings[0]++;
                    }
                });
        if (exit.exitCode() != 0 || !Files.isRegularFile(archive)) {
            throw new LinkException("Dumping the CDS archive with " + request.jdk() + " failed"
                    + timedOut(exit, request)
                    + " with exit code " + exit.exitCode() + (exit.exitCode() == 0 ? " and no archive written" : "")
                    + ". Check that this JDK can dump CDS archives (java -Xshare:dump) and that the JVM options "
                    + request.jvmOptions() + " are its. Command was: " + exit.commandLine() + exit.lastOutput());
        }
        return new Dump(exit.wallMillis(), warnings[0]);
    }

    /**
     * Starts the target JVM with {@code -Xshare:on} and the run's options, and counts the {@code classes} (class-path
     * classes the archive should hold) it loads from the archive.
     *
     * @throws LinkException when the JVM does not start with the archive, or starts but loads none of them from it
     */
    static Proof prove(LinkRequest request, Path archive, List<Path> classpath, List<String> classes, Path work)
            throws IOException {
        Path names = work.resolve("load-check.txt");
        Files.write(names, classes, StandardCharsets.UTF_8);
        List<Path> withHarness = new ArrayList<>(classpath);
        withHarness.add(ForkedJvm.locationOf(LoadCheck.class));
        List<String> args = new ArrayList<>();
        args.addAll(LinkResult.mapping(archive));
        args.addAll(request.jvmOptions());
        args.add("-Xlog:class+load=info");
        args.add("-cp");
        args.add(LinkClasspath.join(withHarness));
        args.add(LoadCheck.class.getName());
        args.add(names.toString());
        Set<String> wanted = new LinkedHashSet<>();
        classes.forEach(c -> wanted.add(c.replace('/', '.')));
        Set<String> shared = ConcurrentHashMap.newKeySet();
        String[] gc = {null};
        ForkedJvm.Exit exit = ForkedJvm.run(
                request.jdk(), args, work.resolve("proof.args"), work, Map.of(), request.timeout(), line -> {
                    if (line.startsWith(LoadCheck.DONE)) {
                        String[] parts = line.substring(LoadCheck.DONE.length()).split(" ");
                        gc[0] = parts.length == 3 ? parts[2] : "unknown";
                    }
                    ClassLoadLog.classFromArchive(line).filter(wanted::contains).ifPresent(shared::add);
                });
        if (exit.exitCode() != 0 || gc[0] == null) {
            throw new LinkException("The JVM does not map the linked archive: it failed to start with -Xshare:on"
                    + timedOut(exit, request)
                    + " (exit code " + exit.exitCode() + "). A JVM started with -Xshare:auto would silently run"
                    + " without it. Check that the JVM options match the run's. Command was: " + exit.commandLine()
                    + exit.lastOutput());
        }
        if (!classes.isEmpty() && shared.isEmpty()) {
            throw new LinkException("The archive maps, but none of the " + classes.size() + " class-path classes it"
                    + " should hold was loaded from it, so the JVM would run them from the jars. Check that the"
                    + " class path is the one the archive was dumped for. Command was: " + exit.commandLine());
        }
        return new Proof(classes.size(), shared.size(), gc[0], exit.wallMillis());
    }

    private static String timedOut(ForkedJvm.Exit exit, LinkRequest request) {
        return exit.timedOut() ? " (timed out after " + request.timeout().toSeconds() + " s)" : "";
    }
}
