package io.pkgimage.core.shell;

import io.pkgimage.core.PkgImageVersion;
import io.pkgimage.core.Progress;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.io.Hashing;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.link.ClassLoadLog;
import io.pkgimage.core.process.ForkedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JShell on a linked class path: JShell's own JVM (the compiler) starts with an archive of the JDK's JShell and
 * compiler classes, made once per JDK build and cached; the execution JVM, where snippets run, starts with the link's
 * argfile, logs where its classes came from (the proof) and, when recording, dumps its classlist.
 */
public final class JShell {
    /** The JShell tool's main, as the {@code jshell} launcher starts it. */
    static final List<String> TOOL = List.of("-m", "jdk.jshell/jdk.internal.jshell.tool.JShellToolProvider");

    /**
     * Snippets that train the archive of JShell's JVM: what a first session does (declare, evaluate, print, use a
     * class of a jar on the class path, which javac reads through its zip file system).
     */
    static final List<String> WARM_UP = List.of(
            "System.out.println(" + Hashing.class.getName() + ".class.getSimpleName());",
            "int x = 1 + 2;",
            "String s = \"a\" + x;",
            "var list = java.util.List.of(1, 2, 3);",
            "System.out.println(list.stream().map(i -> i * 2).toList());",
            "void hello() { System.out.println(\"hi\"); }",
            "hello();",
            "class Point { int x; int y; }",
            "new Point().x",
            "/exit");

    private JShell() {}

    /**
     * A session to start.
     *
     * @param jdk the JDK whose JShell runs
     * @param compilerOptions options of JShell's own JVM (the archive's are added)
     * @param classpath the class path, for compiling snippets and running them
     * @param argfile the link's argfile, which starts the execution JVM with the archive and the class path
     * @param script a {@code .jsh} file to run first, as {@code jshell script.jsh} runs it
     * @param classlist where the execution JVM dumps its classlist, when the session is recorded
     * @param loadLog where the execution JVM logs where its classes came from
     */
    public record Session(
            Jdk jdk,
            List<String> compilerOptions,
            List<Path> classpath,
            Path argfile,
            Optional<Path> script,
            Optional<Path> classlist,
            Path loadLog) {
        public Session {
            compilerOptions = List.copyOf(compilerOptions);
            classpath = List.copyOf(classpath);
        }

        /** The command line that starts the session. */
        public List<String> command() {
            List<String> remote = new ArrayList<>();
            remote.add("@" + argfile.toAbsolutePath());
            remote.add("-Xlog:class+load=info:file=" + loadLog.toAbsolutePath());
            classlist.ifPresent(c -> remote.add("-XX:DumpLoadedClassList=" + c.toAbsolutePath()));
            for (String option : remote) {
                if (option.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("JShell hands options to its execution JVM split at spaces,"
                            + " so the path in '" + option + "' cannot have any; build the project in a folder"
                            + " without spaces");
                }
            }
            List<String> command = new ArrayList<>();
            command.add(jdk.javaExecutable().toString());
            command.addAll(compilerOptions);
            command.addAll(TOOL);
            command.add("--class-path");
            command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            remote.forEach(r -> command.add("-R" + r));
            script.ifPresent(s -> command.add(s.toAbsolutePath().toString()));
            return command;
        }
    }

    /**
     * Options for JShell's own JVM that map an archive of the JDK's JShell and compiler classes: taken from {@code
     * cache} when a verified one is there for this JDK build, else made by running {@link #WARM_UP} once (an AOT
     * cache on JDK 25+, a dynamic CDS archive before) and proven to map before it is published. Empty, with a
     * warning, when the JDK cannot make one.
     */
    public static List<String> compilerArchive(Jdk jdk, Path cache, Duration timeout, Progress progress) {
        boolean aot = jdk.feature() >= 25;
        String key = Hashing.sha256(jdk.home() + "\n" + jdk.runtimeVersion() + "\n" + jdk.vendor() + "\n"
                + PkgImageVersion.forKeys() + "\n" + String.join("\n", WARM_UP));
        Path archive = cache.resolve("jshell-" + jdk.feature() + "-" + key.substring(0, 16) + (aot ? ".aot" : ".jsa"));
        Path sum = archive.resolveSibling(archive.getFileName() + ".sha256");
        try {
            if (Files.isRegularFile(archive)
                    && Files.isRegularFile(sum)
                    && Files.readString(sum).strip().equals(Hashing.sha256(archive))) {
                return mapping(archive, aot);
            }
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, "making-");
            try {
                progress.info(
                        "Making the archive of JShell's classes for " + jdk + " (once per JDK build) in " + archive);
                Path made = work.resolve(archive.getFileName());
                Path warmUp = work.resolve("warm-up.jsh");
                Files.write(warmUp, WARM_UP, StandardCharsets.UTF_8);
                List<String> dump = new ArrayList<>();
                dump.add(aot ? "-XX:AOTCacheOutput=" + made : "-XX:ArchiveClassesAtExit=" + made);
                dump.addAll(TOOL);
                dump.add("--class-path");
                dump.add(ForkedJvm.locationOf(JShell.class).toString());
                dump.add(warmUp.toString());
                ForkedJvm.Exit exit = run(jdk, dump, work, timeout, progress);
                if (exit.exitCode() != 0 || !Files.isRegularFile(made)) {
                    progress.warn("JShell's JVM starts without an archive of its classes: making it failed (exit code "
                            + exit.exitCode() + "). Command was: " + exit.commandLine() + exit.lastOutput());
                    return List.of();
                }
                Path exitOnly = work.resolve("exit.jsh");
                Files.write(exitOnly, List.of("/exit"), StandardCharsets.UTF_8);
                List<String> proof = new ArrayList<>(mapping(made, aot));
                proof.addAll(TOOL);
                proof.add(exitOnly.toString());
                ForkedJvm.Exit proven = run(jdk, proof, work, timeout, progress);
                if (proven.exitCode() != 0) {
                    progress.warn("JShell's JVM starts without an archive of its classes: the one made does not map"
                            + " (exit code " + proven.exitCode() + "). Command was: " + proven.commandLine()
                            + proven.lastOutput());
                    return List.of();
                }
                AtomicFiles.writeString(work.resolve(sum.getFileName()), Hashing.sha256(made) + "\n");
                Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(
                        work.resolve(sum.getFileName()),
                        sum,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return mapping(archive, aot);
            } finally {
                AtomicFiles.deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot make the archive of JShell's classes in '" + cache + "': " + e.getMessage(), e);
        }
    }

    /** Options that map {@code archive} or fail: JShell's JVM is never silently without it. */
    private static List<String> mapping(Path archive, boolean aot) {
        return aot
                ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + archive)
                : List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive);
    }

    private static ForkedJvm.Exit run(Jdk jdk, List<String> args, Path work, Duration timeout, Progress progress) {
        return ForkedJvm.run(jdk, args, work.resolve("jshell.args"), work, Map.of(), timeout, progress::output);
    }

    /**
     * What the execution JVM's class-load log proves.
     *
     * @param anyFromArchive classes that came from the archive, of the JDK or the class path
     * @param fromArchive classes of the class path that came from the archive
     * @param fromJars classes of the class path that were read from their jars
     */
    public record Proof(int anyFromArchive, int fromArchive, int fromJars) {}

    /** Reads {@code loadLog}: how many classes of {@code classpath} came from the archive, how many from jars. */
    public static Proof proof(Path loadLog, List<Path> classpath, int feature) {
        Set<String> classpathClasses = new HashSet<>();
        classpath.forEach(
                p -> classpathClasses.addAll(ClasspathIndex.classes(p, feature).keySet()));
        int any = 0;
        int archived = 0;
        int read = 0;
        if (!Files.isRegularFile(loadLog)) {
            return new Proof(0, 0, 0);
        }
        try (Stream<String> lines = Files.lines(loadLog, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Optional<String> shared = ClassLoadLog.classFromArchive(line);
                if (shared.isPresent()) {
                    any++;
                    if (classpathClasses.contains(shared.get().replace('.', '/'))) {
                        archived++;
                    }
                } else if (ClassLoadLog.classFromFile(line)
                        .filter(name -> classpathClasses.contains(name.replace('.', '/')))
                        .isPresent()) {
                    read++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException(
                    "Cannot read the class-load log '" + loadLog + "': " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        return new Proof(any, archived, read);
    }
}
