package io.pkgimage.junit.run;

import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.junit.child.ChildConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pair of JVMs running a batch in the background ({@link PairRuns}), its logs read as they grow, and whether its
 * imaged JVM has loaded image classes from its archive yet.
 */
public final class RunningPair {
    private final SoundnessArchives archives;
    private final RunLog.Tail plain;
    private final RunLog.Tail imaged;
    private final Path imagedLoadLog;
    private final CompletableFuture<PairRuns.Pair> running;
    private boolean proven;

    private RunningPair(SoundnessArchives archives, Path dir, CompletableFuture<PairRuns.Pair> running) {
        this.archives = archives;
        this.plain = new RunLog.Tail(dir.resolve("plain").resolve(PairRuns.LOG));
        this.imaged = new RunLog.Tail(dir.resolve("imaged").resolve(PairRuns.LOG));
        this.imagedLoadLog = dir.resolve("imaged").resolve(PairRuns.LOAD_LOG);
        this.running = running;
    }

    /**
     * Starts running {@code config} in a plain and an imaged JVM, their files in {@code dir}.
     *
     * @throws UncheckedIOException when the logs of an earlier run in {@code dir} cannot be removed
     */
    public static RunningPair start(SoundnessArchives archives, ChildConfig config, Path dir) {
        try {
            // no log of an earlier run may be taken for this one's
            Files.deleteIfExists(dir.resolve("plain").resolve(PairRuns.LOG));
            Files.deleteIfExists(dir.resolve("imaged").resolve(PairRuns.LOG));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the soundness batch folder '" + dir + "': " + e, e);
        }
        CompletableFuture<PairRuns.Pair> running =
                CompletableFuture.supplyAsync(() -> PairRuns.run(archives, config, dir), r -> {
                    Thread t = new Thread(r, "pkgimage-soundness-pair");
                    t.setDaemon(true);
                    t.start();
                });
        return new RunningPair(archives, dir, running);
    }

    /**
     * The pair once both its JVMs ended, waiting at most {@code millis}; empty while they still run.
     *
     * @throws ExecutionException when the pair could not be run, with the cause
     */
    public Optional<PairRuns.Pair> await(long millis) throws InterruptedException, ExecutionException {
        try {
            return Optional.of(running.get(millis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Stops waiting for the pair. */
    public void cancel() {
        running.cancel(true);
    }

    /** The plain JVM's log as written so far. */
    public RunLog plain() {
        return plain.read();
    }

    /** The imaged JVM's log as written so far. */
    public RunLog imaged() {
        return imaged.read();
    }

    /**
     * Whether what the JVMs finished so far is proven: the link proved the archive, and the imaged JVM's class-load
     * log shows classes of the images from it (read until it does). The plain JVM maps the JDK's default archive
     * alone.
     */
    public boolean proven() {
        if (!proven) {
            proven = archives.linked()
                    && !PairRuns.imageClassesFromArchive(archives.imageClasses(), imagedLoadLog)
                            .isEmpty();
        }
        return proven;
    }
}
