package io.pkgimage.core.link;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.Progress;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.ImageFormatException;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.io.Hashing;
import io.pkgimage.core.process.ForkedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Links package images into what a JVM maps at start, along these steps: read the images; if nothing changed since
 * the last link into the output directory and its archive is whole, stop; check each image against the class path
 * and merge them ({@link ImageMerge}); take the archive of that merge from the {@link LinkCache}, or dump it and prove
 * that the JVM maps it ({@link ArchiveDumper}) and report ({@link LinkReport}); publish the archive, the argfile and
 * the report into the output directory; trim the cache.
 */
public final class ImageLinker {
    private ImageLinker() {}

    /**
     * Links {@code request}.
     *
     * @throws LinkException if the archive cannot be dumped or does not map, or (when strict) an image is refused
     */
    public static LinkResult link(LinkRequest request, Progress progress) {
        return link(request, progress, archive -> {});
    }

    /**
     * Links {@code request}, handing {@code dumped} the archive as soon as the JDK has written it, before its proof
     * runs: for a caller that starts a JVM on it at once and trusts what that JVM did only once this returns. The file
     * holds the bytes that the link then proves and publishes, in a scratch folder that the link moves or removes
     * later, so the caller links it elsewhere before {@code dumped} returns. Not called when the archive comes from
     * the cache or from the last link.
     *
     * @throws LinkException if the archive cannot be dumped or does not map, or (when strict) an image is refused
     */
    public static LinkResult link(LinkRequest request, Progress progress, Consumer<Path> dumped) {
        long start = System.nanoTime();
        Path out = request.outputDirectory();
        List<Path> classpath = LinkClasspath.of(request);
        List<String> refused = new ArrayList<>();
        List<PackageImage> images = new ArrayList<>();
        List<String> imageHashes = new ArrayList<>();
        for (Path file : request.images()) {
            try {
                images.add(ImageCodec.read(file));
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

        Path archive = out.resolve(request.name() + ".jsa");
        Path argfile = out.resolve(request.name() + ".args");
        Path reportFile = out.resolve(request.name() + "-link.txt");
        Path keyFile = out.resolve(request.name() + ".key");
        // the key file holds the link's key and the archive's checksum: an archive changed since is never up to date
        String key = LinkKeys.upToDate(request, classpath, imageHashes);
        List<String> last = readLines(keyFile);
        if (last.size() == 2 && last.get(0).equals(key) && Files.isRegularFile(argfile)) {
            if (LinkCache.matches(archive, last.get(1))) {
                progress.info("Link " + request.name() + " is up to date (no image, class path entry or JDK changed);"
                        + " " + archive + " [" + millis(start) + " ms]");
                return new LinkResult(archive, argfile, reportFile, classpath, true, false, readLines(reportFile));
            }
            progress.warn("The archive " + archive + " changed since it was linked (its size or SHA-256 differs), so"
                    + " it is linked again");
        }

        long t0 = System.nanoTime();
        ImageMerge.Merged merged = merge(request, classpath, images);
        long mergeMillis = millis(t0);
        String contentKey = LinkKeys.content(request, classpath, merged.lines());
        LinkCache.Maker dumpAndProve = scratch -> {
            Path classlist = scratch.resolve(LinkCache.CLASSLIST);
            Files.write(classlist, merged.lines(), StandardCharsets.UTF_8);
            Path written = scratch.resolve(LinkCache.ARCHIVE);
            progress.info("Dumping the archive of " + merged.lines().size() + " classlist lines with " + request.jdk());
            ArchiveDumper.Dump dump = ArchiveDumper.dump(request, classlist, written, classpath, scratch);
            dumped.accept(written);
            ArchiveDumper.Proof proof = ArchiveDumper.prove(request, written, classpath, merged.appClasses(), scratch);
            List<String> report = LinkReport.of(
                    request, images, merged, classpath.size(), Files.size(written), dump, proof, mergeMillis);
            for (String line : report) {
                progress.info(line.length() > 240 ? line.substring(0, 240) + "… (the report has it all)" : line);
            }
            Files.write(scratch.resolve(LinkCache.REPORT), report, StandardCharsets.UTF_8);
        };
        List<String> summary = new ArrayList<>();
        summary.add("pkgimage link report: " + request.name());
        summary.addAll(refused);
        boolean fromCache = request.cache().use(contentKey, dumpAndProve, progress, entry -> {
            summary.addAll(readLines(entry.report()));
            publish(entry.archive(), archive);
            publish(entry.classlist(), out.resolve(request.name() + ".classlist"));
            AtomicFiles.writeString(reportFile, String.join("\n", summary) + "\n");
            AtomicFiles.writeString(argfile, argfile(request, archive, classpath));
            AtomicFiles.writeString(keyFile, key + "\n" + entry.checksum() + "\n");
            return entry.fromCache();
        });
        progress.info((fromCache ? "Linked from the cache " + request.cache().directory() : "Linked") + ": "
                + archive + " (" + size(archive) + " bytes) [" + millis(start) + " ms]; start a JVM with: java @"
                + argfile + " <main class>");
        if (request.onMapFailure() == MapFailure.WARN && !MapFailure.canWarn(request.jdk())) {
            progress.info("A JDK " + request.jdk().feature() + " JVM cannot warn that an archive did not map (it"
                    + " logs that at info level only), so one started with the argfile runs without it silently then;"
                    + " set onMapFailure to fail (-Xshare:on) to refuse to start instead");
        }
        request.cache().trim(contentKey, progress);
        return new LinkResult(archive, argfile, reportFile, classpath, false, fromCache, summary);
    }

    /**
     * Proves again that the JVM of {@code request} maps {@code archive}, an archive linked earlier from the same images,
     * on the request's class path and with its options: the proof a link ends with, run where the archive is now, so
     * that another JDK build, moved or touched jars, other options or a Java agent's module are the JVM's own
     * verdict. The classes checked are those of the classlist published next to the archive ({@code <name>.classlist})
     * that the class path holds.
     *
     * @return empty when the archive maps and serves those classes, else why not
     */
    public static Optional<String> proveExisting(LinkRequest request, Path archive) {
        String fileName = archive.getFileName().toString();
        Path classlist = archive.resolveSibling(fileName.replaceFirst("\\.jsa$", "") + ".classlist");
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(classlist)) {
            return Optional.of("no archive " + archive + " with its classlist " + classlist);
        }
        List<Path> classpath = LinkClasspath.of(request);
        Path work = null;
        try {
            List<String> classes = LinkClasspath.classesIn(
                    classpath, RecordedClassList.read(classlist).classes());
            Files.createDirectories(request.outputDirectory());
            work = Files.createTempDirectory(request.outputDirectory(), ".proof-");
            ArchiveDumper.prove(request, archive, classpath, classes, work);
            return Optional.empty();
        } catch (LinkException e) {
            return Optional.of(e.getMessage());
        } catch (IOException | PkgImageException e) {
            return Optional.of("cannot prove " + archive + ": " + e.getMessage());
        } finally {
            if (work != null) {
                AtomicFiles.deleteTree(work);
            }
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

    private static String argfile(LinkRequest request, Path archive, List<Path> classpath) {
        List<String> args = new ArrayList<>(request.onMapFailure().mapping(request.jdk(), archive));
        args.addAll(request.jvmOptions());
        args.add("-cp");
        args.add(LinkClasspath.join(classpath));
        return args.stream().map(ForkedJvm::quote).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Puts {@code source} at {@code target} atomically: a hard link where the file system allows, else a copy. */
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
