package io.pkgimage.core.dist;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.Progress;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import io.pkgimage.core.link.ImageLinker;
import io.pkgimage.core.link.JavaAgents;
import io.pkgimage.core.link.LinkCache;
import io.pkgimage.core.link.LinkRequest;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.link.MapFailure;
import io.pkgimage.core.process.ForkedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Makes a dist's archive hold for the JDK that runs it, at deploy: the start script runs this when what it recorded
 * of the last start (the JDK, the jars, the options) changed, or for {@code bin/<name> --link}.
 *
 * <p>Steps: put back the file times the dist was made with, where they changed and the files can be written; ask the
 * JVM whether an archive already there maps (the one linked last in the state folder, then the dist's own), since
 * only the JVM can tell; else link the dist's images for this JDK and these options into the state folder. Either
 * way write {@code <state>/<name>.run}, the argfile of options that map the archive. A lock on the state folder makes
 * concurrent first starts wait for one another, so one links and the others find its archive.
 */
public final class DistLauncher {
    /** The environment variables through which the start script hands over the run's own agent variables. */
    static final String HANDED_OVER = "PKGIMAGE_";

    private DistLauncher() {}

    /**
     * What preparing found.
     *
     * @param runArgs the argfile of options that map the archive
     * @param archive the archive it maps
     * @param linked whether it was linked now (not found holding)
     * @param restoredTimes how many files got their times back
     * @param millis how long it took
     */
    public record Prepared(Path runArgs, Path archive, boolean linked, int restoredTimes, long millis) {}

    /**
     * {@code DistLauncher <root> <state folder> [-- <the run's JVM options>]}: prepares the archive, prints one line
     * on standard error, exits 0 when {@code <state>/<name>.run} holds, else 2, the start script then running without
     * the archive.
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("pkgimage: usage: DistLauncher <dist root> <state folder> [-- <JVM options>]");
            System.exit(1);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path state = Path.of(args[1]).toAbsolutePath().normalize();
        List<String> options = new ArrayList<>();
        int dashes = Arrays.asList(args).indexOf("--");
        if (dashes >= 0) {
            options.addAll(Arrays.asList(args).subList(dashes + 1, args.length));
        }
        Map<String, String> environment = new java.util.HashMap<>();
        for (String name : JavaAgents.VARIABLES) {
            Optional.ofNullable(System.getenv(HANDED_OVER + name)).ifPresent(v -> environment.put(name, v));
        }
        try {
            DistLayout dist = DistLayout.read(root);
            Progress progress = new StderrProgress(state.resolve(dist.name() + "-launch.log"));
            Prepared prepared = prepare(root, dist, state, Jdks.current(), options, environment, progress);
            System.err.println("pkgimage: " + (prepared.linked() ? "linked" : "found") + " the archive of "
                    + dist.name() + " for " + Jdks.current().runtimeVersion() + " in " + prepared.millis() + " ms ("
                    + prepared.archive() + ")"
                    + (prepared.restoredTimes() > 0
                            ? "; put back the times of " + prepared.restoredTimes() + " files"
                            : ""));
            System.exit(0);
        } catch (PkgImageException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("pkgimage: no archive, so " + root.getFileName() + " starts without it: "
                    + e.getMessage().lines().findFirst().orElse(""));
            System.exit(2);
        }
    }

    /**
     * Makes the archive of the dist at {@code root} hold for {@code jdk} and the run's {@code options} in {@code
     * environment}, writing {@code <state>/<name>.run}.
     *
     * @throws PkgImageException if no archive holds and none can be linked, saying why
     */
    public static Prepared prepare(
            Path root,
            DistLayout dist,
            Path state,
            Jdk jdk,
            List<String> options,
            Map<String, String> environment,
            Progress progress) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new PkgImageException("Cannot make the folder '" + state + "': " + e.getMessage(), e);
        }
        try (FileChannel channel =
                FileChannel.open(state.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return prepareLocked(root, dist, state, jdk, options, environment, progress, start);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new PkgImageException("Cannot lock '" + state.resolve(".lock") + "': " + e.getMessage(), e);
        }
    }

    private static Prepared prepareLocked(
            Path root,
            DistLayout dist,
            Path state,
            Jdk jdk,
            List<String> options,
            Map<String, String> environment,
            Progress progress,
            long start) {
        int restored = restoreTimes(root, dist, progress);
        boolean agent = JavaAgents.present(options, environment);
        List<String> runOptions = runOptions(options, agent);
        LinkRequest request = request(root, dist, state, jdk, runOptions);
        Path archive = state.resolve(dist.name() + ".jsa");
        boolean linked = false;
        Optional<Path> holding = candidates(root, dist, archive).stream()
                .filter(candidate -> holds(request, candidate, progress))
                .findFirst();
        if (holding.isPresent()) {
            archive = holding.get();
        } else {
            LinkResult result = ImageLinker.link(request, progress);
            archive = result.archive();
            linked = true;
            // the state folder keeps one archive: a cache beside it would double the dist on every copy
            AtomicFiles.deleteTree(request.cache().directory());
        }
        List<String> args = new ArrayList<>(MapFailure.WARN.mapping(jdk, archive));
        if (agent && !options.contains(JavaAgents.INSTRUMENT_MODULE)) {
            args.add(JavaAgents.INSTRUMENT_MODULE);
        }
        Path runArgs = state.resolve(dist.name() + ".run");
        AtomicFiles.writeString(
                runArgs, args.stream().map(ForkedJvm::quote).collect(Collectors.joining("\n", "", "\n")));
        return new Prepared(runArgs, archive, linked, restored, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The options the archive is linked and proven with: the run's without its agents (they do not shape the archive,
     * and neither the dump nor the proof should run them), with the agents' module when there is one.
     */
    static List<String> runOptions(List<String> options, boolean agent) {
        List<String> result = options.stream()
                .filter(o -> !o.startsWith("-javaagent:"))
                .collect(Collectors.toCollection(ArrayList::new));
        if (agent && !result.contains(JavaAgents.INSTRUMENT_MODULE)) {
            result.add(JavaAgents.INSTRUMENT_MODULE);
        }
        return result;
    }

    private static LinkRequest request(Path root, DistLayout dist, Path state, Jdk jdk, List<String> options) {
        List<ClasspathEntry> classpath = new ArrayList<>();
        for (String entry : dist.classpath()) {
            classpath.add(ClasspathEntry.test(root.resolve(entry)));
        }
        return LinkRequest.builder(dist.name(), jdk, state)
                .classpath(classpath)
                .images(dist.images().stream().map(root::resolve).toList())
                .jvmOptions(options)
                .cache(new LinkCache(state.resolve("archives"), 1024L * 1024 * 1024, Duration.ofDays(30)))
                .timeout(Duration.ofMinutes(5))
                .toolVersion(dist.toolVersion())
                .build();
    }

    /** The archive linked last into the state folder, then the one the dist was made with. */
    private static List<Path> candidates(Path root, DistLayout dist, Path archive) {
        LinkedHashSet<Path> candidates = new LinkedHashSet<>();
        candidates.add(archive);
        candidates.add(root.resolve(DistLayout.LINK)
                .resolve(dist.name() + ".jsa")
                .toAbsolutePath()
                .normalize());
        return candidates.stream().filter(Files::isRegularFile).toList();
    }

    private static boolean holds(LinkRequest request, Path candidate, Progress progress) {
        Optional<String> why = ImageLinker.proveExisting(request, candidate);
        why.ifPresent(w -> progress.info("The archive " + candidate + " does not hold here: " + w));
        return why.isEmpty();
    }

    /**
     * Puts back the time the dist was made with on its jars and images where a copy changed it, so that the archive
     * (which the JVM checks by size and time) still holds; a file that cannot be written keeps its time, and the
     * archive is then linked again.
     */
    static int restoreTimes(Path root, DistLayout dist, Progress progress) {
        int restored = 0;
        for (String name : dist.timedFiles()) {
            Path file = root.resolve(name);
            try {
                if (!Files.getLastModifiedTime(file).equals(dist.fileTime())) {
                    Files.setLastModifiedTime(file, dist.fileTime());
                    restored++;
                }
            } catch (IOException e) {
                progress.info("Cannot put back the time of " + file + ": " + e.getMessage());
            }
        }
        return restored;
    }

    /** Warnings on standard error, one line each; the rest into the launch log of the state folder. */
    private static final class StderrProgress implements Progress {
        private final Path log;
        private final List<String> lines = new ArrayList<>();

        StderrProgress(Path log) {
            this.log = log;
        }

        @Override
        public void info(String message) {
            lines.add(message);
            flush();
        }

        @Override
        public void warn(String message) {
            System.err.println("pkgimage: " + message.lines().findFirst().orElse(""));
            info("WARNING " + message);
        }

        @Override
        public void output(String line) {}

        private void flush() {
            try {
                Files.write(log, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // the log is a courtesy; the start goes on
            }
        }
    }
}
