package io.pkgimage.core.compile;

import io.pkgimage.core.Progress;
import io.pkgimage.core.classlist.ClassListSplit;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.ImageFormatException;
import io.pkgimage.core.image.ImagePart;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.image.TrainingSummary;
import io.pkgimage.core.io.Hashing;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.JdkPackages;
import io.pkgimage.core.training.JvmProbe;
import io.pkgimage.core.training.TestJvmRecording;
import io.pkgimage.core.training.TestReports;
import io.pkgimage.core.training.TrainingException;
import io.pkgimage.core.training.TrainingFailuresException;
import io.pkgimage.core.training.TrainingJvm;
import io.pkgimage.core.training.TrainingLauncher;
import io.pkgimage.core.training.TrainingOutcome;
import io.pkgimage.core.training.TrainingRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles one part of a package's image: runs its workload (the package's tests, its integration tests or a main
 * class) in a training JVM and writes the image file with that part in place, the other parts kept.
 */
public final class ImageCompiler {
    private static final int FAILURES_SHOWN = 10;

    private ImageCompiler() {}

    /**
     * Compiles the part of the image that {@code request} describes, or reuses the existing part when no input
     * changed.
     *
     * @throws TrainingException if the training JVM fails, tests fail and {@code failOnTrainingFailure} is set, or
     *     integration tests are to be recorded and none is selected
     */
    public static CompileResult compile(CompileRequest request, Progress progress) {
        long start = System.nanoTime();
        // the inputs are hashed once (class folders, dependency jars): for the image's up-to-date check and for a
        // recording of the build's test run
        Map<String, String> fields = inputFields(request);
        String inputs = digest(fields);
        Path imageFile = request.imageFile();
        Workload workload = request.workload();
        Optional<PackageImage> existing = existing(imageFile, progress);
        Optional<ImagePart> before = existing.flatMap(i -> i.part(workload.part()));
        if (before.isPresent() && before.get().inputsSha256().equals(inputs)) {
            progress.info("Package image " + imageFile + " is up to date for its " + workload.part()
                    + " part (no input changed since it was recorded); reusing it [" + millis(start) + " ms]");
            return new CompileResult(imageFile, existing.get(), true);
        }

        int feature = request.jdk().feature();
        // the training JVM's class path is Surefire's: the class folders as they are, so that the tests find their
        // classes and resources as under Surefire (the JDK records classes of folders, though it archives only jars)
        Path classes = request.classesDirectory();
        SortedMap<String, String> fingerprints = fingerprints(classes, feature);

        List<String> tests = workload.runsTests()
                ? request.testClassesDirectory()
                        .map(request.selection()::testClasses)
                        .orElse(List.of())
                : List.of();
        if (tests.isEmpty() && workload.part().equals(ImagePart.INTEGRATION_TESTS)) {
            throw new TrainingException("No integration test classes match "
                    + request.selection().includes()
                    + request.testClassesDirectory().map(t -> " in " + t).orElse("") + "; nothing to record");
        }
        List<ClasspathEntry> entries = new ArrayList<>();
        request.testClassesDirectory().ifPresent(t -> entries.add(ClasspathEntry.test(t)));
        entries.add(ClasspathEntry.self(classes, request.coordinates()));
        entries.addAll(request.dependencies());
        request.harness().forEach(h -> entries.add(ClasspathEntry.test(h)));
        entries.add(ClasspathEntry.test(TrainingLauncher.harnessLocation()));

        Optional<TrainingOutcome> recorded = workload.runsTests() && !tests.isEmpty()
                ? request.buildTestRun()
                        .flatMap(b -> fromBuildTestRun(request, b, recordingFingerprint(fields), progress))
                : Optional.empty();
        TrainingOutcome outcome =
                recorded.isPresent() ? recorded.get() : train(request, tests, entries, fingerprints, progress);

        String mode =
                workload.part().equals(ImagePart.TESTS) ? (tests.isEmpty() ? "classes" : "tests") : workload.part();
        TrainingSummary summary = new TrainingSummary(
                mode,
                outcome.run(),
                outcome.failed(),
                outcome.skipped(),
                outcome.wallMillis(),
                outcome.failures(),
                outcome.origin(),
                outcome.jvms());
        if (outcome.failed() > 0) {
            String listed =
                    outcome.failures().stream().limit(FAILURES_SHOWN).collect(Collectors.joining("\n  ", "\n  ", ""))
                            + (outcome.failures().size() > FAILURES_SHOWN
                                    ? "\n  … and " + (outcome.failures().size() - FAILURES_SHOWN) + " more"
                                    : "");
            String what =
                    switch (mode) {
                        case "classes" -> "classes failed to load";
                        case "main" -> "run of the workload failed";
                        default -> "tests failed";
                    };
            if (request.failOnTrainingFailure()) {
                throw new TrainingFailuresException(
                        outcome.failed() + " " + what + " while training " + request.coordinates()
                                + " (failOnTrainingFailure is set):" + listed,
                        outcome.failures());
            }
            progress.warn(outcome.failed() + " " + what + " during training; the image is built from what ran"
                    + " (set failOnTrainingFailure to make this fatal):" + listed);
        }

        ClassListSplit split = split(outcome.classlist(), entries, request.jdk());
        ImagePart part = new ImagePart(
                workload.part(),
                summary,
                inputs,
                split.self(),
                split.dependencies(),
                split.jdk(),
                split.lambdaFormInvokers());
        TrainedOn trainedOn = new TrainedOn(
                outcome.vendor(), outcome.runtimeVersion(), outcome.feature(), outcome.gc(), outcome.compressedOops());
        PackageImage image = withPart(existing, part, request.coordinates(), trainedOn, fingerprints, progress);
        ImageCodec.write(image, imageFile);
        progress.info(String.format(
                "Wrote %s, part %s: %d of the package's %d classes, %d classes of %d dependencies, %d JDK classes;"
                        + " %s %d run, %d failed, %d skipped in %.1f s [%d ms in all]. The image holds %s",
                imageFile.getFileName(),
                part.name(),
                part.ownClasses().size(),
                fingerprints.size(),
                part.dependencyClasses().values().stream().mapToInt(List::size).sum(),
                part.dependencyClasses().size(),
                part.jdkClasses().size(),
                switch (mode) {
                    case "classes" -> "classes loaded:";
                    case "main" -> "main";
                    default -> "tests";
                },
                summary.run(),
                summary.failed(),
                summary.skipped(),
                summary.wallMillis() / 1000.0,
                millis(start),
                describeParts(image)));
        return new CompileResult(imageFile, image, false);
    }

    /** Runs the workload in a training JVM of the target JDK. */
    private static TrainingOutcome train(
            CompileRequest request,
            List<String> tests,
            List<ClasspathEntry> entries,
            SortedMap<String, String> fingerprints,
            Progress progress) {
        Workload workload = request.workload();
        if (workload.mainClass().isPresent()) {
            progress.info("Recording the workload " + workload.mainClass().get() + " " + workload.arguments() + " of "
                    + request.coordinates() + " on " + request.jdk());
        } else if (tests.isEmpty()) {
            progress.info(request.testClassesDirectory()
                            .map(t -> "No test classes match "
                                    + request.selection().includes() + " in " + t)
                            .orElse("No tests to run")
                    + "; training by loading the package's " + fingerprints.size()
                    + " classes without initialising them");
        } else {
            progress.info(
                    (workload.part().equals(ImagePart.TESTS) ? "Training " : "Recording the integration tests of ")
                            + request.coordinates() + (workload.part().equals(ImagePart.TESTS) ? " with " : ": ")
                            + tests.size() + " test classes on " + request.jdk());
        }
        TrainingRun run = TrainingRun.builder(request.jdk(), request.workDirectory())
                .classpath(entries.stream().map(ClasspathEntry::path).collect(Collectors.toList()))
                .mainClass(workload.mainClass())
                .mainArguments(workload.arguments())
                .testClasses(tests)
                .loadClasses(
                        workload.runsTests()
                                ? fingerprints.keySet().stream()
                                        .map(n -> n.replace('/', '.'))
                                        .collect(Collectors.toList())
                                : List.of())
                .filter(request.selection().filter())
                .jvm(request.jvm())
                .build();
        return TrainingLauncher.launch(run, progress);
    }

    /**
     * What the build's own test JVMs recorded, as a training JVM's outcome, when the recording holds for these inputs
     * and the target JDK; else empty, saying why.
     */
    private static Optional<TrainingOutcome> fromBuildTestRun(
            CompileRequest request, BuildTestRun build, String recordingInputs, Progress progress) {
        Jdk jdk = request.jdk();
        TestJvmRecording.Lookup lookup = TestJvmRecording.collect(build.recording(), recordingInputs, jdk);
        if (lookup.recorded().isEmpty()) {
            progress.info("Training " + request.coordinates() + " by running its tests again: " + lookup.why());
            return Optional.empty();
        }
        TestJvmRecording.Recorded recorded = lookup.recorded().get();
        TestReports reports = TestReports.read(build.reports(), recorded.began());
        Path work = request.workDirectory();
        Path classlist = work.resolve(TestJvmRecording.MERGED);
        List<String> lines = new ArrayList<>();
        try {
            Files.createDirectories(work);
            for (Path fork : recorded.classlists()) {
                for (String line : Files.readAllLines(fork, StandardCharsets.UTF_8)) {
                    // an agent may have changed the bytes of class-path classes: their constant-pool indices
                    // would not hold for the class files the archive is dumped from
                    if (build.agents().isEmpty() || !line.startsWith("@cp ") || isJdkLine(jdk, line)) {
                        lines.add(line);
                    }
                }
            }
            Files.write(classlist, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot merge the test JVMs' classlists into '" + classlist + "': " + e.getMessage(), e);
        }
        TrainedOn on = JvmProbe.trainedOn(
                jdk, request.jvm().jvmArguments(), work, request.jvm().timeout());
        progress.info(String.format(
                "Training %s from the build's %s run: %d test JVMs recorded, %d tests run, %d failed, %d skipped in %d"
                        + " test classes%s",
                request.coordinates(),
                build.origin().equals(TrainingSummary.SUREFIRE) ? "Surefire" : "Failsafe",
                recorded.classlists().size(),
                reports.run(),
                reports.failed(),
                reports.skipped(),
                reports.classes(),
                build.agents().isEmpty()
                        ? ""
                        : " (with the agents " + build.agents() + ", which may change the classes they load, so the"
                                + " constant-pool entries of class-path classes are left out)"));
        return Optional.of(new TrainingOutcome(
                classlist,
                reports.run(),
                reports.failed(),
                reports.skipped(),
                reports.failures(),
                on.gc(),
                on.compressedOops(),
                on.vendor(),
                on.runtimeVersion(),
                on.feature(),
                reports.wallMillis(),
                build.origin(),
                recorded.classlists().size()));
    }

    private static boolean isJdkLine(Jdk jdk, String cpLine) {
        String[] parts = cpLine.split(" ", 3);
        return parts.length > 1 && JdkPackages.hasClass(jdk, parts[1]);
    }

    /** The parts of {@code image} with their summaries, for the log. */
    public static String describeParts(PackageImage image) {
        return image.parts().values().stream()
                .map(p -> String.format(
                        "%s (%s: %d run, %d failed, %d classes)",
                        p.name(),
                        p.summary().mode(),
                        p.summary().run(),
                        p.summary().failed(),
                        p.classCount()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Adds a recorded shell session to the image's {@value ImagePart#SHELL} part (created when there is none): the
     * classes that the session's execution JVM loaded, split by owner as training splits them.
     *
     * @return the image written
     */
    public static PackageImage addSession(SessionRecording r, Progress progress) {
        Optional<PackageImage> existing = existing(r.imageFile(), progress);
        SortedMap<String, String> fingerprints =
                fingerprints(r.classesDirectory(), r.jdk().feature());
        List<ClasspathEntry> entries = new ArrayList<>();
        entries.add(ClasspathEntry.self(r.classesDirectory(), r.coordinates()));
        entries.addAll(r.dependencies());
        ClassListSplit split = split(r.classlist(), entries, r.jdk());
        Optional<ImagePart> before =
                existing.filter(i -> sameJvm(i.trainedOn(), r.trainedOn())).flatMap(i -> i.part(ImagePart.SHELL));
        int sessions = before.map(p -> p.summary().run()).orElse(0) + 1;
        long millis = before.map(p -> p.summary().wallMillis()).orElse(0L) + r.wallMillis();
        TrainingSummary summary = new TrainingSummary(ImagePart.SHELL, sessions, 0, 0, millis, List.of());
        ImagePart session = new ImagePart(
                ImagePart.SHELL,
                summary,
                Hashing.sha256(r.classlist()),
                split.self(),
                split.dependencies(),
                split.jdk(),
                split.lambdaFormInvokers());
        ImagePart part = before.map(p -> p.plus(session, summary, session.inputsSha256()))
                .orElse(session);
        PackageImage image = withPart(existing, part, r.coordinates(), r.trainedOn(), fingerprints, progress);
        ImageCodec.write(image, r.imageFile());
        progress.info(String.format(
                "Added the session to %s: it loaded %d of the package's classes, %d classes of %d dependencies,"
                        + " %d JDK classes; the shell part now holds %d sessions, %d classes. The image holds %s",
                r.imageFile().getFileName(),
                session.ownClasses().size(),
                session.dependencyClasses().values().stream()
                        .mapToInt(List::size)
                        .sum(),
                session.dependencyClasses().size(),
                session.jdkClasses().size(),
                sessions,
                part.classCount(),
                describeParts(image)));
        return image;
    }

    private static Optional<PackageImage> existing(Path imageFile, Progress progress) {
        if (!Files.isRegularFile(imageFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageCodec.read(imageFile));
        } catch (ImageFormatException e) {
            progress.warn("Replacing the unreadable image: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The SHA-256 of each class of the package's class folder (none when it has no folder). */
    private static SortedMap<String, String> fingerprints(Path classes, int feature) {
        SortedMap<String, String> fingerprints = new TreeMap<>();
        ClasspathIndex.classes(classes, feature)
                .forEach((name, resource) ->
                        fingerprints.put(name, Hashing.sha256(ClasspathIndex.read(classes, resource))));
        return fingerprints;
    }

    private static ClassListSplit split(Path classlist, List<ClasspathEntry> entries, Jdk jdk) {
        try (ClasspathIndex index = ClasspathIndex.of(entries, jdk.feature())) {
            return ClassListSplit.of(RecordedClassList.read(classlist), index, name -> JdkPackages.hasClass(jdk, name));
        }
    }

    /**
     * The image to write: {@code existing} with {@code part} in its place when it is of the same package and JVM;
     * else an image of {@code part} alone (the parts of another JVM cannot be linked with it and are dropped).
     */
    private static PackageImage withPart(
            Optional<PackageImage> existing,
            ImagePart part,
            Coordinates coordinates,
            TrainedOn trainedOn,
            SortedMap<String, String> fingerprints,
            Progress progress) {
        if (existing.isPresent()) {
            PackageImage before = existing.get();
            boolean sameJvm = sameJvm(before.trainedOn(), trainedOn);
            if (before.coordinates().equals(coordinates) && sameJvm) {
                PackageImage kept = new PackageImage(before.coordinates(), trainedOn, fingerprints, before.parts());
                return kept.with(part, fingerprints);
            }
            List<String> dropped = before.parts().keySet().stream()
                    .filter(n -> !n.equals(part.name()))
                    .toList();
            if (!dropped.isEmpty()) {
                progress.warn("Dropped the image's parts " + dropped + ": they were recorded for "
                        + before.coordinates() + " on " + before.trainedOn().vendor() + " "
                        + before.trainedOn().runtimeVersion() + " ("
                        + before.trainedOn().gc() + "), this run is "
                        + coordinates + " on " + trainedOn.vendor() + " " + trainedOn.runtimeVersion()
                        + " (" + trainedOn.gc() + "). Record them again with this JDK.");
            }
        }
        return PackageImage.of(coordinates, trainedOn, fingerprints, part);
    }

    private static boolean sameJvm(TrainedOn a, TrainedOn b) {
        return a.vendor().equals(b.vendor())
                && a.runtimeVersion().equals(b.runtimeVersion())
                && a.gc().equals(b.gc())
                && a.compressedOops() == b.compressedOops();
    }

    /**
     * The fingerprint of the inputs that shape what the workload loads, for a recording of the build's own test run
     * ({@code pkgimage:prepare}): {@link #inputsFingerprint} but for whether failures fail the compile, which a goal
     * may set for itself.
     */
    public static String recordingFingerprint(CompileRequest r) {
        return recordingFingerprint(inputFields(r));
    }

    private static String recordingFingerprint(Map<String, String> inputFields) {
        Map<String, String> fields = new TreeMap<>(inputFields);
        fields.put("failOnTrainingFailure", Boolean.toString(false));
        return digest(fields);
    }

    /** The fingerprint of every input that shapes the image; equal fingerprints mean the image is up to date. */
    static String inputsFingerprint(CompileRequest r) {
        return digest(inputFields(r));
    }

    /** Every input that shapes the image, by name. */
    private static Map<String, String> inputFields(CompileRequest r) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("format", Integer.toString(PackageImage.FORMAT_VERSION));
        fields.put("tool", r.toolVersion());
        fields.put("workload", r.workload().toString());
        fields.put("coordinates", r.coordinates().toString());
        fields.put(
                "jdk",
                r.jdk().home() + " " + r.jdk().runtimeVersion() + " " + r.jdk().vendor());
        fields.put("classes", tree(r.classesDirectory()));
        fields.put(
                "testClasses", r.testClassesDirectory().map(ImageCompiler::tree).orElse("not run"));
        fields.put(
                "dependencies",
                r.dependencies().stream()
                        .map(e -> e.role() + " "
                                + e.coordinates().map(Object::toString).orElse("") + " " + content(e.path()))
                        .collect(Collectors.joining("\n")));
        List<Path> harness = new ArrayList<>(r.harness());
        harness.add(TrainingLauncher.harnessLocation());
        fields.put("harness", harness.stream().map(ImageCompiler::content).collect(Collectors.joining("\n")));
        fields.put("selection", r.selection().toString());
        // every setting of the training JVM but its working directory and timeout, which do not shape the image;
        // one key per setting, so that the same inputs keep the same fingerprint
        TrainingJvm jvm = r.jvm();
        fields.put("systemProperties", new TreeMap<>(jvm.systemProperties()).toString());
        fields.put("jvmArguments", jvm.jvmArguments().toString());
        fields.put("environment", new TreeMap<>(jvm.environment()).toString());
        fields.put("configurationParameters", new TreeMap<>(jvm.configurationParameters()).toString());
        fields.put("failOnTrainingFailure", Boolean.toString(r.failOnTrainingFailure()));
        return fields;
    }

    private static String digest(Map<String, String> fields) {
        MessageDigest digest = Hashing.sha256();
        fields.forEach((k, v) -> {
            digest.update(k.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(v.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String content(Path path) {
        if (Files.isDirectory(path)) {
            return path + " " + tree(path);
        }
        return path + " " + (Files.isRegularFile(path) ? Hashing.sha256(path) : "missing");
    }

    private static String tree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "none";
        }
        MessageDigest digest = Hashing.sha256();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                digest.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(f));
                digest.update((byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read '" + folder + "': " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
