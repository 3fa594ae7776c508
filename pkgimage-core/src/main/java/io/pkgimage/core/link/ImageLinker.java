package io.pkgimage.core.link;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.ImageFormatException;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.io.DeterministicJar;
import io.pkgimage.core.io.Hashing;
import io.pkgimage.core.link.child.LoadCheck;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.training.Progress;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Links package images into what a JVM maps at start: checks each image against the classpath, merges them, dumps a
 * CDS archive with the target JDK, proves that the JVM maps it, and writes an argfile and a report.
 */
public final class ImageLinker {
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private ImageLinker() {}

    /**
     * Links {@code request}.
     *
     * @throws LinkException if the archive cannot be dumped or does not map, or (when strict) an image is refused
     */
    public static LinkResult link(LinkRequest request, Progress progress) {
        long start = System.nanoTime();
        Path out = request.outputDirectory();
        List<Path> classpath = classpathOf(request);
        List<String> refused = new ArrayList<>();
        List<PackageImage> images = new ArrayList<>();
        List<String> imageHashes = new ArrayList<>();
        for (Path file : request.images()) {
            try {
                PackageImage image = ImageCodec.read(file);
                images.add(image);
                imageHashes.add(Hashing.sha256(file));
            } catch (ImageFormatException e) {
                if (request.strict()) {
                    throw new LinkException(e.getMessage() + " (strict is set, so the link stops here)", e);
                }
                progress.warn("Not using an image: " + e.getMessage());
                refused.add("refused: " + e.getMessage());
            }
        }

        if (images.isEmpty() && request.shared().classes().isEmpty()) {
            progress.warn("No package image to link on this class path, so the archive holds JDK classes only. Run"
                    + " pkgimage:compile in the modules (mvn install puts their images next to their jars).");
        }
        String key = key(request, classpath, imageHashes);
        Path archive = out.resolve(request.name() + ".jsa");
        Path argfile = out.resolve(request.name() + ".args");
        Path reportFile = out.resolve(request.name() + "-link.txt");
        Path keyFile = out.resolve(request.name() + ".key");
        if (read(keyFile).equals(key) && Files.isRegularFile(archive) && Files.isRegularFile(argfile)) {
            progress.info("Link " + request.name() + " is up to date (no image, class path entry or JDK changed); "
                    + archive + " [" + millis(start) + " ms]");
            return new LinkResult(archive, argfile, reportFile, classpath, true, false, readLines(reportFile));
        }

        long t0 = System.nanoTime();
        ImageMerge.Merged merged = merge(request, classpath, images);
        long mergeMillis = millis(t0);
        // the cache is keyed by what the archive is made of, so images retrained to the same classes share it
        String contentKey = contentKey(request, classpath, merged.lines());
        Path entry = request.cacheDirectory().resolve(contentKey);
        boolean fromCache;
        synchronized (LOCKS.computeIfAbsent(contentKey, k -> new Object())) {
            fromCache = complete(entry);
            if (!fromCache) {
                try {
                    Files.createDirectories(request.cacheDirectory());
                    try (FileChannel channel = FileChannel.open(
                            request.cacheDirectory().resolve(contentKey + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE)) {
                        // another build (another JVM) linking the same key waits here, then finds the entry
                        FileLock lock = channel.lock();
                        try {
                            fromCache = complete(entry);
                            if (!fromCache) {
                                AtomicFiles.deleteTree(entry); // an entry that lost a file is built again
                                build(request, classpath, images, merged, mergeMillis, entry, progress);
                            }
                        } finally {
                            lock.release();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "Cannot use the link cache '" + request.cacheDirectory() + "': " + e.getMessage(), e);
                }
            }
        }
        List<String> summary = new ArrayList<>();
        summary.add("pkgimage link report: " + request.name());
        summary.addAll(refused);
        summary.addAll(readLines(entry.resolve("report.txt")));
        publish(entry.resolve("archive.jsa"), archive);
        publish(entry.resolve("classlist.txt"), out.resolve(request.name() + ".classlist"));
        AtomicFiles.writeString(reportFile, String.join("\n", summary) + "\n");
        AtomicFiles.writeString(argfile, argfile(request, archive, classpath));
        AtomicFiles.writeString(keyFile, key);
        progress.info((fromCache ? "Linked from the cache " + entry : "Linked") + ": " + archive + " ("
                + size(archive) + " bytes) [" + millis(start) + " ms]; start a JVM with: java @" + argfile
                + " <main class>");
        return new LinkResult(archive, argfile, reportFile, classpath, false, fromCache, summary);
    }

    private static void build(
            LinkRequest request,
            List<Path> classpath,
            List<PackageImage> images,
            ImageMerge.Merged merged,
            long mergeMillis,
            Path entry,
            Progress progress)
            throws IOException {

        Path tmp = Files.createTempDirectory(request.cacheDirectory(), entry.getFileName() + ".tmp");
        try {
            Path classlist = tmp.resolve("classlist.txt");
            Files.write(classlist, merged.lines(), StandardCharsets.UTF_8);
            Path archive = tmp.resolve("archive.jsa");
            progress.info("Dumping the archive of " + merged.lines().size() + " classlist lines with " + request.jdk());
            Dump dump = dump(request, classlist, archive, classpath, tmp);
            long t1 = System.nanoTime();
            Proof proof = prove(request, archive, classpath, merged.appClasses(), tmp);
            long proofMillis = millis(t1);

            List<String> report = new ArrayList<>();
            report.add("JDK: " + request.jdk());
            report.add("JVM options: " + (request.jvmOptions().isEmpty() ? "(none)" : request.jvmOptions()) + ", GC "
                    + proof.gc());
            report.add("archive: " + Files.size(archive) + " bytes, dumped in " + dump.millis + " ms"
                    + (dump.warnings > 0 ? ", " + dump.warnings + " classes the JDK would not archive" : ""));
            for (ImageMerge.ImageStats s : merged.stats()) {
                String parts = images.stream()
                        .filter(i -> i.coordinates().equals(s.coordinates()))
                        .map(i -> String.join(", ", i.parts().keySet()))
                        .findFirst()
                        .orElse("");
                report.add("image " + s.coordinates() + " (" + parts + "): kept " + s.kept() + " entries, dropped "
                        + s.changed()
                        + " changed, " + s.missing() + " missing, " + s.otherJdk() + " of another JDK");
                s.notes().forEach(n -> report.add("  " + n));
                images.stream()
                        .filter(i -> i.coordinates().equals(s.coordinates())
                                && !i.trainedOn().gc().equals(proof.gc()))
                        .findFirst()
                        .ifPresent(i -> report.add(
                                "  trained with the " + i.trainedOn().gc() + " GC, the run uses " + proof.gc()
                                        + ": its classes hold for any GC; the archive is dumped for the run's"));
            }
            Set<Coordinates> imaged =
                    images.stream().map(PackageImage::coordinates).collect(Collectors.toSet());
            List<String> without = request.classpath().stream()
                    .filter(e -> e.coordinates().isPresent()
                            && !imaged.contains(e.coordinates().get()))
                    .map(e -> e.coordinates().get().toString())
                    .collect(Collectors.toList());
            report.add("without an image (" + without.size() + "): "
                    + (without.isEmpty() ? "none" : String.join(", ", without)));
            if (merged.shared() > 0) {
                report.add("shared (not of an image): " + merged.shared() + " classes");
            }
            report.add("classpath: " + classpath.size() + " entries, "
                    + merged.appClasses().size() + " of their classes in the merged classlist");
            report.add("proof: -Xshare:on started; " + proof.shared + " of " + proof.checked
                    + " classpath classes loaded from the archive");
            report.add("time: check and merge " + mergeMillis + " ms, dump " + dump.millis + " ms, proof " + proofMillis
                    + " ms");
            for (String line : report) {
                progress.info(line.length() > 240 ? line.substring(0, 240) + "… (the report has it all)" : line);
            }
            Files.write(tmp.resolve("report.txt"), report, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // another build linked the same key first; its entry is as good as ours
            }
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }

    /** Checks the images against the class path and merges what holds, on top of the JDK's default classlist. */
    private static ImageMerge.Merged merge(LinkRequest request, List<Path> classpath, List<PackageImage> images) {
        int feature = request.jdk().feature();
        List<ClasspathEntry> indexed = new ArrayList<>();
        for (int i = 0; i < classpath.size(); i++) {
            ClasspathEntry original = request.classpath().get(i);
            indexed.add(new ClasspathEntry(classpath.get(i), original.role(), original.coordinates()));
        }
        Path defaultClasslist = request.jdk().home().resolve("lib").resolve("classlist");
        RecordedClassList base = Files.isRegularFile(defaultClasslist)
                ? RecordedClassList.read(defaultClasslist)
                : RecordedClassList.parse(List.of());
        try (ClasspathIndex index = ClasspathIndex.of(indexed, feature)) {
            return ImageMerge.merge(images, index, feature, base, request.shared());
        }
    }

    private record Dump(long millis, int warnings) {}

    private static Dump dump(LinkRequest request, Path classlist, Path archive, List<Path> classpath, Path work) {
        List<String> args = new ArrayList<>();
        args.add("-Xshare:dump");
        args.add("-XX:SharedClassListFile=" + classlist);
        args.add("-XX:SharedArchiveFile=" + archive);
        if (request.jdk().hasAotClassLinking()) {
            args.add("-XX:+AOTClassLinking");
        }
        // the dumping JVM runs much Java code once (method-handle forms); C2 only costs it time, not the archive
        args.add("-XX:TieredStopAtLevel=1");
        args.addAll(request.jvmOptions());
        args.add("-cp");
        args.add(join(classpath));
        int[] warnings = {0};
        ForkedJvm.Exit exit = ForkedJvm.run(
                request.jdk(), args, work.resolve("dump.args"), work, Map.of(), request.timeout(), line -> {
                    if (line.contains("Preload Warning") || line.contains("Skipping ")) {
                        warnings[0]++;
                    }
                });
        if (exit.exitCode() != 0 || !Files.isRegularFile(archive)) {
            throw new LinkException("Dumping the CDS archive failed" + (exit.timedOut() ? " (timed out)" : "")
                    + " with exit code " + exit.exitCode() + ". Command was: " + exit.commandLine()
                    + exit.lastOutput());
        }
        return new Dump(exit.wallMillis(), warnings[0]);
    }

    private record Proof(int checked, int shared, String gc) {}

    /** Starts the target JVM with {@code -Xshare:on} and the run's options, and counts classes from the archive. */
    private static Proof prove(LinkRequest request, Path archive, List<Path> classpath, List<String> classes, Path work)
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
        args.add(join(withHarness));
        args.add(LoadCheck.class.getName());
        args.add(names.toString());
        Set<String> wanted = new LinkedHashSet<>();
        classes.forEach(c -> wanted.add(c.replace('/', '.')));
        Set<String> shared = ConcurrentHashMap.newKeySet();
        String[] done = {null};
        ForkedJvm.Exit exit = ForkedJvm.run(
                request.jdk(), args, work.resolve("proof.args"), work, Map.of(), request.timeout(), line -> {
                    if (line.startsWith(LoadCheck.DONE)) {
                        String[] parts = line.substring(LoadCheck.DONE.length()).split(" ");
                        done[0] = parts.length == 3 ? parts[2] : "unknown";
                    }
                    ClassLoadLog.classFromArchive(line).filter(wanted::contains).ifPresent(shared::add);
                });
        if (exit.exitCode() != 0 || done[0] == null) {
            throw new LinkException("The JVM does not map the linked archive: it failed to start with -Xshare:on"
                    + " (exit code " + exit.exitCode() + "). A JVM started with -Xshare:auto would silently run"
                    + " without it. Check that the JVM options match the run's. Command was: " + exit.commandLine()
                    + exit.lastOutput());
        }
        if (!classes.isEmpty() && shared.isEmpty()) {
            throw new LinkException("The archive maps, but none of the " + classes.size() + " classpath classes it"
                    + " should hold was loaded from it. Command was: " + exit.commandLine());
        }
        return new Proof(classes.size(), shared.size(), done[0]);
    }

    private static String argfile(LinkRequest request, Path archive, List<Path> classpath) {
        List<String> args = new ArrayList<>();
        args.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        args.addAll(request.jvmOptions());
        args.add("-cp");
        args.add(join(classpath));
        return args.stream().map(ForkedJvm::quote).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Replaces each folder of the class path by a deterministic jar of it; jars stay as they are. */
    /**
     * The class path that the link of {@code request} holds for: its own, with each folder replaced by a deterministic
     * jar of it under the output directory (made or brought up to date here), since an archive holds only jars. Known
     * before the dump, so a JVM that needs no archive can start on it while the dump runs.
     */
    public static List<Path> classpathOf(LinkRequest request) {
        Path jars = request.outputDirectory().resolve("jars");
        List<Path> result = new ArrayList<>();
        for (ClasspathEntry e : request.classpath()) {
            Path path = e.path().toAbsolutePath();
            if (Files.isDirectory(path)) {
                String name = e.coordinates()
                        .map(Coordinates::artifactId)
                        .orElse(path.getFileName().toString());
                Path jar = jars.resolve(
                        name + "-" + Hashing.sha256(path.toString()).substring(0, 8) + ".jar");
                DeterministicJar.ofIfChanged(path, jar);
                result.add(jar);
            } else {
                result.add(path);
            }
        }
        return result;
    }

    /** The up-to-date key of one output directory: the JDK, the options, the class path and the image files. */
    private static String key(LinkRequest request, List<Path> classpath, List<String> imageHashes) {
        List<String> content = new ArrayList<>(List.of("images"));
        content.addAll(imageHashes);
        content.add("shared");
        content.addAll(request.shared().classes());
        request.shared().classLines().values().forEach(content::addAll);
        content.addAll(request.shared().lambdaFormInvokers());
        return digest(request, classpath, content);
    }

    /**
     * The cache key: everything the archive is made of. Jars are known by path, size and time, as the JVM checks
     * them; images by the merged classlist they give.
     */
    private static String contentKey(LinkRequest request, List<Path> classpath, List<String> classlist) {
        List<String> content = new ArrayList<>(List.of("classlist"));
        content.addAll(classlist);
        return digest(request, classpath, content);
    }

    private static String digest(LinkRequest request, List<Path> classpath, List<String> content) {
        MessageDigest digest = Hashing.sha256();
        List<String> parts = new ArrayList<>();
        parts.add("link-format 1 " + PackageImage.FORMAT_VERSION + " " + request.toolVersion());
        parts.add(request.jdk().home() + " " + request.jdk().runtimeVersion() + " "
                + request.jdk().vendor());
        parts.add(String.join(" ", request.jvmOptions()));
        for (Path p : classpath) {
            try {
                parts.add(p + " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                parts.add(p + " missing");
            }
        }
        parts.addAll(content);
        parts.forEach(s -> {
            digest.update(s.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether a cache entry has every file a link publishes. */
    private static boolean complete(Path entry) {
        return Stream.of("report.txt", "archive.jsa", "classlist.txt")
                .allMatch(f -> Files.isRegularFile(entry.resolve(f)));
    }

    private static void publish(Path source, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.delete(tmp);
                try {
                    Files.createLink(tmp, source);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source, tmp);
                }
                AtomicFiles.move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new PkgImageException("Cannot write '" + target + "' from the link cache: " + e.getMessage(), e);
        }
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip()
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read '" + file + "': " + e.getMessage(), e);
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
