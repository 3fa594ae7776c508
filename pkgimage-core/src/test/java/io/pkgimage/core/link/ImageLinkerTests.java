package io.pkgimage.core.link;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pkgimage.core.FakeJdk;
import io.pkgimage.core.TestFiles;
import io.pkgimage.core.classlist.ClassListSplit;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.image.TestImages;
import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.image.TrainingSummary;
import io.pkgimage.core.io.DeterministicJar;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.JdkPackages;
import io.pkgimage.core.jdk.Jdks;
import io.pkgimage.core.training.RecordingProgress;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Links images of a small application (a class folder and a dependency jar) with real JVMs: the dump, the proof of
 * loading, the argfile, the up-to-date check and the shared cache.
 */
class ImageLinkerTests {
    private static final Coordinates APP = Coordinates.of("com.acme", "app", "1.0");
    private static final Coordinates GREETING = Coordinates.of("org.dep", "greeting", "1.0");
    private static final String PROOF_3_OF_3 =
            "proof: -Xshare:on started; 3 of 3 classpath classes loaded from the archive";

    private static final String GREETING_SOURCE =
            """
            package org.dep;
            public final class Greeting {
                public static String of(String name) {
                    return "Hello, " + name + "!";
                }
            }
            """;
    private static final String MAIN_SOURCE =
            """
            package com.acme;
            import java.util.function.Supplier;
            public final class Main {
                public static void main(String[] args) {
                    Supplier<String> greeting = () -> Helper.greet(args.length > 0 ? args[0] : "Ada");
                    System.out.println(greeting.get());
                }
            }
            """;
    private static final String AGENT_SOURCE =
            """
            package org.agent;

            public class Agent {
                public static void premain(String args, java.lang.instrument.Instrumentation instrumentation) {
                    instrumentation.addTransformer(new java.lang.instrument.ClassFileTransformer() {});
                    System.out.println("agent: transformer added");
                }
            }
            """;
    private static final String HELPER_SOURCE =
            """
            package com.acme;
            final class Helper {
                static String greet(String name) {
                    return org.dep.Greeting.of(name);
                }
            }
            """;

    @TempDir
    Path dir;

    private final RecordingProgress progress = new RecordingProgress();
    private final List<String> infos = progress.infos;
    private final List<String> warnings = progress.warnings;

    /** The application's class folder: com.acme.Main and com.acme.Helper. */
    private Path classes;
    /** The dependency: org.dep.Greeting. */
    private Path greetingJar;

    @BeforeEach
    void application() throws IOException {
        Path greetingClasses = dir.resolve("greeting-classes");
        TestFiles.javac(dir, greetingClasses, List.of(), Map.of("org.dep.Greeting", GREETING_SOURCE));
        greetingJar = dir.resolve("repo/greeting-1.0.jar");
        DeterministicJar.of(greetingClasses, greetingJar);
        classes = dir.resolve("app/classes");
        TestFiles.javac(
                dir,
                classes,
                List.of(greetingJar),
                Map.of("com.acme.Main", MAIN_SOURCE, "com.acme.Helper", HELPER_SOURCE));
    }

    @Test
    void linksAnArchiveThatTheJvmMapsAndAnArgfileThatStartsFromIt() throws IOException {
        // GIVEN an image trained on this JDK, and the application's folder and jar as the class path
        Jdk jdk = Jdks.current();
        Path image = train(jdk);
        Path out = dir.resolve("out");

        // WHEN
        LinkResult result = ImageLinker.link(request("app", jdk, folderClasspath(), List.of(image), out), progress);

        // THEN the outputs are there, named after the link
        assertThat(result.upToDate()).isFalse();
        assertThat(result.fromCache()).isFalse();
        assertThat(result.archive()).isEqualTo(out.resolve("app.jsa")).isRegularFile();
        assertThat(result.argfile()).isEqualTo(out.resolve("app.args")).isRegularFile();
        assertThat(result.report()).isEqualTo(out.resolve("app-link.txt")).isRegularFile();
        assertThat(out.resolve("app.classlist")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("app.classlist")))
                .anyMatch(l -> l.matches("com/acme/Main id: \\d+"))
                .anyMatch(l -> l.matches("org/dep/Greeting id: \\d+"));
        // and the report proves that the JVM maps the archive and loads all three classes from it
        assertThat(Files.readAllLines(result.report())).isEqualTo(result.summary());
        assertThat(result.summary())
                .contains(
                        "pkgimage link report: app",
                        "image com.acme:app:1.0 (tests): kept " + keptEntries(image) + " entries, dropped 0 changed,"
                                + " 0 missing, 0 of another JDK",
                        "without an image (1): org.dep:greeting:1.0",
                        PROOF_3_OF_3);
        // and the folder was replaced by a jar of it under <out>/jars/, the jar kept as it is
        assertThat(result.classpath()).hasSize(2);
        assertThat(result.classpath().get(0)).startsWith(out.resolve("jars")).hasExtension("jar");
        assertThat(result.classpath().get(1)).isEqualTo(greetingJar.toAbsolutePath());
        try (JarFile jar = new JarFile(result.classpath().get(0).toFile())) {
            assertThat(jar.getEntry("com/acme/Main.class")).isNotNull();
        }
        assertThat(Files.readString(result.argfile())).doesNotContain(classes.toString() + File.pathSeparator);
        assertThat(infos).anyMatch(m -> m.contains("start a JVM with: java @" + result.argfile()));
        assertThat(warnings).isEmpty();

        // AND the argfile starts the application with its classes from the archive
        Run run = runWithArgfile(jdk, result.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Hello, Ada!")
                .contains("com.acme.Main source: shared objects file")
                .contains("com.acme.Helper source: shared objects file")
                .contains("org.dep.Greeting source: shared objects file");
    }

    @Test
    void aSecondLinkWithNothingChangedIsUpToDateAndLeavesTheArchiveAlone() throws IOException {
        // GIVEN a link, whose archive and jarred folder are then dated back
        Jdk jdk = Jdks.current();
        Path out = dir.resolve("out");
        LinkRequest request = request("app", jdk, folderClasspath(), List.of(train(jdk)), out);
        LinkResult first = ImageLinker.link(request, progress);
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first.archive(), past);
        FileTime jarTime = Files.getLastModifiedTime(first.classpath().get(0));
        byte[] archive = Files.readAllBytes(first.archive());

        // WHEN the same request is linked again
        LinkResult second = ImageLinker.link(request, progress);

        // THEN nothing was done: the archive and the jar are untouched
        assertThat(second.upToDate()).isTrue();
        assertThat(second.fromCache()).isFalse();
        assertThat(Files.getLastModifiedTime(second.archive())).isEqualTo(past);
        assertThat(Files.readAllBytes(second.archive())).isEqualTo(archive);
        assertThat(Files.getLastModifiedTime(second.classpath().get(0))).isEqualTo(jarTime);
        assertThat(second.classpath()).isEqualTo(first.classpath());
        assertThat(second.summary()).isEqualTo(first.summary());
        assertThat(infos).anyMatch(m -> m.startsWith("Link app is up to date"));
    }

    @Test
    void aLinkIntoAnotherOutputDirectoryWithTheSameJarsComesFromTheCache() throws IOException {
        // GIVEN a link of jars only (as a build linking from the local repository has), into one output directory
        Jdk jdk = Jdks.current();
        List<ClasspathEntry> classpath = jarClasspath();
        Path image = train(jdk);
        LinkResult first =
                ImageLinker.link(request("app", jdk, classpath, List.of(image), dir.resolve("one")), progress);

        // WHEN another build links the same inputs into another output directory, with the same cache
        LinkResult second =
                ImageLinker.link(request("app", jdk, classpath, List.of(image), dir.resolve("two")), progress);

        // THEN the archive comes from the cache, the same bytes, and the new argfile starts from it
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.upToDate()).isFalse();
        assertThat(second.archive()).isEqualTo(dir.resolve("two/app.jsa"));
        assertThat(Files.readAllBytes(second.archive())).isEqualTo(Files.readAllBytes(first.archive()));
        assertThat(second.summary()).isEqualTo(first.summary()).contains(PROOF_3_OF_3);
        assertThat(infos).anyMatch(m -> m.startsWith("Linked from the cache "));
        Run run = runWithArgfile(jdk, second.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("com.acme.Main source: shared objects file");
    }

    @Test
    void aCallerGetsTheDumpedArchiveBeforeItsProofTheBytesThatArePublishedAndNothingFromTheCache() throws IOException {
        // GIVEN a caller that keeps a hard link to the archive it is handed, and when, as against the proof's files
        Jdk jdk = Jdks.current();
        List<ClasspathEntry> classpath = jarClasspath();
        Path image = train(jdk);
        Path early = dir.resolve("early.jsa");
        List<Boolean> provenThen = new ArrayList<>();
        Consumer<Path> caller = archive -> {
            provenThen.add(Files.exists(archive.resolveSibling("proof.args")));
            try {
                Files.createLink(early, archive);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        // WHEN it links, and another build links the same inputs elsewhere
        LinkResult first =
                ImageLinker.link(request("app", jdk, classpath, List.of(image), dir.resolve("one")), progress, caller);
        LinkResult second =
                ImageLinker.link(request("app", jdk, classpath, List.of(image), dir.resolve("two")), progress, caller);

        // THEN it was handed the dumped archive once, before the proof ran: the bytes the link proved and published
        assertThat(provenThen).containsExactly(false);
        assertThat(Files.readAllBytes(early)).isEqualTo(Files.readAllBytes(first.archive()));
        assertThat(first.summary()).contains(PROOF_3_OF_3);
        assertThat(second.fromCache()).isTrue();
    }

    @Test
    void anImageRetrainedToTheSameClassesLinksFromTheCache() throws IOException {
        // GIVEN a link, and then the image trained again: other file bytes (wall time, inputs), the same classes
        Jdk jdk = Jdks.current();
        List<ClasspathEntry> classpath = jarClasspath();
        Path image = train(jdk);
        LinkResult first =
                ImageLinker.link(request("app", jdk, classpath, List.of(image), dir.resolve("one")), progress);
        PackageImage trained = ImageCodec.read(image);
        PackageImage retrained = TestImages.tests(
                trained.coordinates(),
                trained.trainedOn(),
                trained.fingerprints(),
                TestImages.testsPart(trained).ownClasses(),
                TestImages.testsPart(trained).dependencyClasses(),
                TestImages.testsPart(trained).jdkClasses(),
                TestImages.testsPart(trained).lambdaFormInvokers(),
                new TrainingSummary("classes", 2, 0, 0, 999, List.of()),
                "1".repeat(64));
        Path again = dir.resolve("images/app-1.0-retrained-pkgimage.jar");
        ImageCodec.write(retrained, again);
        assertThat(Files.mismatch(image, again)).isNotEqualTo(-1L);

        // WHEN the same output directory is linked with the retrained image
        LinkResult second =
                ImageLinker.link(request("app", jdk, classpath, List.of(again), dir.resolve("one")), progress);

        // THEN it is not up to date (an image changed), but its archive comes from the cache: nothing to dump
        assertThat(second.upToDate()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(Files.readAllBytes(second.archive())).isEqualTo(Files.readAllBytes(first.archive()));
    }

    @Test
    void twoLinksOfTheSameKeyAtOnceBothSucceedWithIdenticalArchives() throws Exception {
        // GIVEN two builds that link the same jars and image into their own output directories, sharing the cache
        Jdk jdk = Jdks.current();
        List<ClasspathEntry> classpath = jarClasspath();
        Path image = train(jdk);
        LinkRequest one = request("app", jdk, classpath, List.of(image), dir.resolve("one"));
        LinkRequest two = request("app", jdk, classpath, List.of(image), dir.resolve("two"));

        // WHEN they start at the same time
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<LinkResult> results = new ArrayList<>();
        try {
            Future<LinkResult> a = pool.submit(() -> {
                start.await();
                return ImageLinker.link(one, progress);
            });
            Future<LinkResult> b = pool.submit(() -> {
                start.await();
                return ImageLinker.link(two, progress);
            });
            start.countDown();
            results.add(a.get(5, TimeUnit.MINUTES));
            results.add(b.get(5, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }

        // THEN one dumped, the other took its archive from the cache, and no temporary folder is left
        assertThat(results).extracting(LinkResult::fromCache).containsExactlyInAnyOrder(true, false);
        assertThat(Files.readAllBytes(results.get(1).archive()))
                .isEqualTo(Files.readAllBytes(results.get(0).archive()));
        assertThat(results).allSatisfy(r -> assertThat(r.summary()).contains(PROOF_3_OF_3));
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            assertThat(entries.filter(Files::isDirectory))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFileName().toString()).doesNotContain(".tmp"));
        }
        for (LinkResult r : results) {
            Run run = runWithArgfile(jdk, r.argfile());
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("com.acme.Main source: shared objects file");
        }
    }

    @Test
    void aCorruptImageIsRefusedWithAWarningNamingItAndTheLinkGoesOn() throws IOException {
        // GIVEN a good image and a file of random bytes where an image should be
        Jdk jdk = Jdks.current();
        Path corrupt = randomBytes(dir.resolve("images/broken-1.0-pkgimage.jar"));

        // WHEN
        LinkResult result = ImageLinker.link(
                request("app", jdk, folderClasspath(), List.of(corrupt, train(jdk)), dir.resolve("out")), progress);

        // THEN the broken file is named in a warning and in the report; the good image is linked
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("Not using an image: ")
                .contains(corrupt.toString());
        assertThat(result.summary()).anyMatch(l -> l.startsWith("refused: ") && l.contains(corrupt.toString()));
        assertThat(result.summary()).contains(PROOF_3_OF_3);
        assertThat(result.archive()).isRegularFile();
    }

    @Test
    void withStrictACorruptImageFailsTheLinkNamingTheFile() throws IOException {
        Jdk jdk = Jdks.current();
        Path corrupt = randomBytes(dir.resolve("images/broken-1.0-pkgimage.jar"));
        Path out = dir.resolve("out");
        LinkRequest request = withStrict(request("app", jdk, folderClasspath(), List.of(train(jdk), corrupt), out));

        assertThatThrownBy(() -> ImageLinker.link(request, progress))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining(corrupt.toString())
                .hasMessageContaining("strict");
        assertThat(out.resolve("app.jsa")).doesNotExist();
    }

    @Test
    void aClassChangedSinceTrainingIsDroppedAndReportedWhileTheOthersAreKept() throws IOException {
        // GIVEN an image trained before Helper changed
        Jdk jdk = Jdks.current();
        Path image = train(jdk);
        TestFiles.javac(
                dir,
                classes,
                List.of(greetingJar),
                Map.of("com.acme.Helper", HELPER_SOURCE.replace("org.dep.Greeting.of(name)", "name.toUpperCase()")));

        // WHEN
        LinkResult result =
                ImageLinker.link(request("app", jdk, folderClasspath(), List.of(image), dir.resolve("out")), progress);

        // THEN Helper is reported as changed and left out; Main and Greeting are still linked and loaded from it
        assertThat(result.summary())
                .contains(
                        "image com.acme:app:1.0 (tests): kept " + (keptEntries(image) - 1)
                                + " entries, dropped 1 changed," + " 0 missing, 0 of another JDK",
                        "  changed since training: com/acme/Helper",
                        "proof: -Xshare:on started; 2 of 2 classpath classes loaded from the archive");
        assertThat(Files.readAllLines(dir.resolve("out/app.classlist"))).noneMatch(l -> l.contains("com/acme/Helper"));
        Run run = runWithArgfile(jdk, result.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("com.acme.Main source: shared objects file")
                .contains("com.acme.Helper source: ")
                .doesNotContain("com.acme.Helper source: shared objects file");
    }

    @Test
    void jvmOptionsOfTheRunShapeTheDumpTheProofAndTheArgfile() throws IOException {
        // GIVEN a run without compressed oops, which cannot map an archive dumped with them
        Jdk jdk = Jdks.current();
        LinkRequest request = withJvmOptions(
                request("app", jdk, folderClasspath(), List.of(train(jdk)), dir.resolve("out")),
                List.of("-XX:-UseCompressedOops"));

        // WHEN
        LinkResult result = ImageLinker.link(request, progress);

        // THEN the link proves the archive with the option, and the argfile passes it on
        assertThat(result.summary()).contains("JVM options: [-XX:-UseCompressedOops], GC G1", PROOF_3_OF_3);
        assertThat(Files.readAllLines(result.argfile())).contains("\"-XX:-UseCompressedOops\"");
        Run run = runWithArgfile(jdk, result.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("com.acme.Main source: shared objects file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Xlog:gc*", "-XX:StartFlightRecording"})
    void aRunThatAlsoLogsALongerTagSetToStandardOutputIsProven(String option) throws IOException {
        // GIVEN a run whose JVM logs to standard output under a longer tag set than [class,load] (a service's GC log,
        // Flight Recorder's start-up lines): the JVM then pads the proof's lines to [class,load ]
        Jdk jdk = Jdks.current();
        LinkRequest request = withJvmOptions(
                request("app", jdk, jarClasspath(), List.of(train(jdk)), dir.resolve("out")), List.of(option));

        // WHEN
        LinkResult result = ImageLinker.link(request, progress);

        // THEN the proof still reads which classes came from the archive
        assertThat(result.summary()).contains(PROOF_3_OF_3);
        Run run = runWithArgfile(jdk, result.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("\\[class,load +\\] com\\.acme\\.Main source: shared objects file");
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void aJavaAgentInTheRunsOptionsIsLeftOutOfTheDumpAndTheArchiveMapsWithIt(int feature) throws IOException {
        // GIVEN a run with a Java agent that adds a class-file transformer (a JVM refuses to dump with one)
        Jdk jdk = feature == 25 ? jdk25() : Jdks.current();
        Path agentClasses = dir.resolve("agent-classes");
        TestFiles.javac(dir, agentClasses, List.of(), Map.of("org.agent.Agent", AGENT_SOURCE));
        Path agent = dir.resolve("agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "org.agent.Agent");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(agent), manifest)) {
            out.putNextEntry(new JarEntry("org/agent/Agent.class"));
            out.write(Files.readAllBytes(agentClasses.resolve("org/agent/Agent.class")));
            out.putNextEntry(new JarEntry("org/agent/Agent$1.class"));
            out.write(Files.readAllBytes(agentClasses.resolve("org/agent/Agent$1.class")));
        }
        LinkRequest request = withJvmOptions(
                request("app", jdk, jarClasspath(), List.of(train(jdk)), dir.resolve("out")),
                List.of("-javaagent:" + agent));

        // WHEN
        LinkResult result = ImageLinker.link(request, progress);

        // THEN the dump ran without the agent and with its module, the proof with the agent, and the argfile's JVM
        // runs the agent with the application's classes from the archive
        assertThat(Files.readAllLines(dir.resolve("out/app.args"))).contains("\"-javaagent:" + agent + "\"");
        assertThat(result.summary()).contains(PROOF_3_OF_3);
        Run run = runWithArgfile(jdk, result.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("agent: transformer added")
                .contains("Hello, Ada!")
                .contains("com.acme.Main source: shared objects file");
    }

    @Test
    void anInvalidNameIsRejectedBeforeAnythingIsWritten() {
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> request("a/b", Jdks.current(), folderClasspath(), List.of(), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The link name 'a/b' must be a file name (letters, digits, '.', '_', '-')");
        assertThat(out).doesNotExist();
    }

    @Test
    void theReportOfALinkFromTheCacheNamesThisLinkAndTheImagesItRefused() throws IOException {
        // GIVEN a link "first" of the application's jars and image
        Jdk jdk = Jdks.current();
        List<ClasspathEntry> classpath = jarClasspath();
        Path image = train(jdk);
        ImageLinker.link(request("first", jdk, classpath, List.of(image), dir.resolve("one")), progress);
        Path corrupt = randomBytes(dir.resolve("images/broken-1.0-pkgimage.jar"));

        // WHEN a link "second" of the same inputs plus a corrupt image is served from the cache
        LinkResult second = ImageLinker.link(
                request("second", jdk, classpath, List.of(image, corrupt), dir.resolve("two")), progress);

        // THEN its report is about itself: its name and the image it refused
        assertThat(second.fromCache()).isTrue();
        assertThat(warnings).singleElement().asString().contains(corrupt.toString());
        assertThat(second.summary()).first().isEqualTo("pkgimage link report: second");
        assertThat(second.summary()).anyMatch(l -> l.startsWith("refused: ") && l.contains(corrupt.toString()));
        assertThat(Files.readAllLines(second.report())).isEqualTo(second.summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"archive.jsa", "report.txt", "classlist.txt", "archive.sha256"})
    void aCacheEntryThatLostAFileIsRebuiltInsteadOfFailingEveryLink(String lost) throws IOException {
        // GIVEN a cache entry that lost a file (to a temp-file reaper, a disk clean-up, a user)
        Jdk jdk = Jdks.current();
        List<ClasspathEntry> classpath = jarClasspath();
        Path image = train(jdk);
        ImageLinker.link(request("app", jdk, classpath, List.of(image), dir.resolve("one")), progress);
        Path entry;
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            entry = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.delete(entry.resolve(lost));

        // WHEN another build links the same inputs
        LinkResult second =
                ImageLinker.link(request("app", jdk, classpath, List.of(image), dir.resolve("two")), progress);

        // THEN it gets a complete, working link
        assertThat(second.archive()).isRegularFile();
        assertThat(dir.resolve("two/app.classlist")).isRegularFile();
        assertThat(second.summary()).contains(PROOF_3_OF_3);
        Run run = runWithArgfile(jdk, second.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("com.acme.Main source: shared objects file");
    }

    @Test
    void aTruncatedArchiveIsNeverUpToDateNorServedFromTheCacheButDumpedAgain() throws IOException {
        // GIVEN a link whose archive (one file with the cache's entry) is then truncated, as a full disk or a user may
        Jdk jdk = Jdks.current();
        Path out = dir.resolve("out");
        LinkRequest request = request("app", jdk, jarClasspath(), List.of(train(jdk)), out);
        LinkResult first = ImageLinker.link(request, progress);
        long size = Files.size(first.archive());
        try (var channel =
                java.nio.channels.FileChannel.open(first.archive(), java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }

        // WHEN the same request is linked again
        LinkResult second = ImageLinker.link(request, progress);

        // THEN it is neither up to date nor from the cache: the archive was dumped again, whole, and proven
        assertThat(second.upToDate()).isFalse();
        assertThat(second.fromCache()).isFalse();
        assertThat(Files.size(second.archive())).isEqualTo(size);
        assertThat(second.summary()).contains(PROOF_3_OF_3);
        assertThat(warnings)
                .anyMatch(w -> w.startsWith("The archive " + first.archive() + " changed since it was linked"))
                .anyMatch(w -> w.contains("does not match its checksum"));
        // AND the application runs from it
        Run run = runWithArgfile(jdk, second.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("com.acme.Main source: shared objects file");
        // AND the next link is up to date again
        assertThat(ImageLinker.link(request, progress).upToDate()).isTrue();
    }

    @Test
    void aCacheOverItsSizeIsTrimmedToTheLeastRecentlyUsedWithoutBreakingLinksMade() throws IOException {
        // GIVEN a link into a cache bounded to one byte, so that any other entry is over the bound
        Jdk jdk = Jdks.current();
        Path image = train(jdk);
        LinkCache tiny = new LinkCache(dir.resolve("cache"), 1, Duration.ofDays(30));
        LinkResult first = ImageLinker.link(
                request("app", jdk, jarClasspath(), List.of(image), dir.resolve("one")).toBuilder()
                        .cache(tiny)
                        .build(),
                progress);
        assertThat(cacheEntries()).hasSize(1);

        // WHEN a link of other content (another GC) uses the same cache
        ImageLinker.link(
                request("app", jdk, jarClasspath(), List.of(image), dir.resolve("two")).toBuilder()
                        .cache(tiny)
                        .jvmOptions(List.of("-XX:+UseSerialGC"))
                        .build(),
                progress);

        // THEN the first entry was removed and the new one kept, saying so
        assertThat(cacheEntries()).hasSize(1);
        assertThat(infos).anyMatch(m -> m.startsWith("Trimmed the link cache " + dir.resolve("cache") + ": removed 1"));
        // AND the first link's archive still maps: it does not depend on the cache's copy
        Run run = runWithArgfile(jdk, first.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("com.acme.Main source: shared objects file");
    }

    @Test
    void anEntryUnusedForLongerThanTheMaximumAgeIsTrimmed() throws IOException {
        // GIVEN a cache entry last used 40 days ago
        Jdk jdk = Jdks.current();
        Path image = train(jdk);
        ImageLinker.link(request("app", jdk, jarClasspath(), List.of(image), dir.resolve("one")), progress);
        Path old = cacheEntries().get(0);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));

        // WHEN another link uses the cache, with the default bounds
        ImageLinker.link(
                request("app", jdk, jarClasspath(), List.of(image), dir.resolve("two")).toBuilder()
                        .jvmOptions(List.of("-XX:+UseSerialGC"))
                        .build(),
                progress);

        // THEN the old entry is gone and the new one stays
        assertThat(cacheEntries()).hasSize(1).doesNotContain(old);

        // AND clearing the cache removes the rest
        assertThat(LinkCache.at(dir.resolve("cache")).clear()).isEqualTo(1);
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void onJdk25AJvmWhoseArchiveCannotMapRunsPlainAndSaysSoOnStandardError() throws IOException {
        // GIVEN a JDK 25 link with the default policy, then a jar replaced after the link
        Jdk jdk = jdk25();
        LinkResult link = ImageLinker.link(
                request("app", jdk, jarClasspath(), List.of(train(jdk)), dir.resolve("out")), progress);
        Run mapped = java(jdk, List.of("@" + link.argfile(), "com.acme.Main"));
        Files.setLastModifiedTime(greetingJar, FileTime.from(Instant.now().plusSeconds(60)));

        // WHEN the application starts from the argfile
        Run plain = java(jdk, List.of("@" + link.argfile(), "com.acme.Main"));

        // THEN it prints nothing of CDS while the archive maps, and runs plain with the JVM's warning once it cannot
        assertThat(mapped.output()).doesNotContain("cds");
        assertThat(plain.exitCode()).as(plain.output()).isZero();
        assertThat(plain.output())
                .contains("Hello, Ada!")
                .contains("[warning][cds] This file is not the one used while building the shared archive file:");
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void withFailAJvmWhoseArchiveCannotMapRefusesToStart(int feature) throws IOException {
        // GIVEN a link with the fail policy, then a jar replaced after the link
        Jdk jdk = feature == 25 ? jdk25() : Jdks.current();
        LinkResult link = ImageLinker.link(
                request("app", jdk, jarClasspath(), List.of(train(jdk)), dir.resolve("out")).toBuilder()
                        .onMapFailure(MapFailure.FAIL)
                        .build(),
                progress);
        assertThat(java(jdk, List.of("@" + link.argfile(), "com.acme.Main")).exitCode())
                .isZero();
        Files.setLastModifiedTime(greetingJar, FileTime.from(Instant.now().plusSeconds(60)));

        // WHEN the application starts from the argfile
        Run run = java(jdk, List.of("@" + link.argfile(), "com.acme.Main"));

        // THEN the JVM does not start
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("Unable to use shared archive").doesNotContain("Hello, Ada!");
    }

    @Test
    void onJdk17TheDefaultPolicySaysThatTheJvmCannotWarn() throws IOException {
        Jdk jdk = Jdks.current();
        assumeTrue(jdk.feature() == 17, "runs on JDK 17");

        ImageLinker.link(request("app", jdk, jarClasspath(), List.of(train(jdk)), dir.resolve("out")), progress);

        assertThat(infos).anyMatch(m -> m.startsWith("A JDK 17 JVM cannot warn that an archive did not map"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(FakeJdk.Mode.class)
    void aJdkThatFailsOrLiesFailsTheLinkSayingWhyAndLeavesNoArchive(FakeJdk.Mode mode) throws IOException {
        // GIVEN an image trained on this JDK, and a JDK whose java fails or lies at one step of the link
        Path image = train(Jdks.current());
        Jdk fake = FakeJdk.make(dir, mode);
        Path out = dir.resolve("out");

        // WHEN the link runs on it
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> ImageLinker.link(request("app", fake, jarClasspath(), List.of(image), out), progress));

        // THEN it fails with what went wrong, the command and the JVM's own words
        String expected =
                switch (mode) {
                    case DUMP_FAILS -> "Dumping the CDS archive with " + fake + " failed with exit code 7. Check that"
                            + " this JDK can dump CDS archives (java -Xshare:dump)";
                    case DUMP_WRITES_NOTHING -> "Dumping the CDS archive with " + fake + " failed with exit code 0"
                            + " and no archive written.";
                    case PROOF_FAILS -> "The JVM does not map the linked archive: it failed to start with -Xshare:on"
                            + " (exit code 1). A JVM started with -Xshare:auto would silently run without it.";
                    case IGNORES_THE_ARCHIVE -> "The archive maps, but none of the 3 class-path classes it should hold"
                            + " was loaded from it, so the JVM would run them from the jars.";
                };
        assertThat(failure).isInstanceOf(LinkException.class).hasMessageStartingWith(expected);
        assertThat(failure.getMessage()).contains("Command was: " + fake.javaExecutable());
        switch (mode) {
            case DUMP_FAILS -> assertThat(failure.getMessage()).contains("fake JDK: the dump crashed");
            case PROOF_FAILS -> assertThat(failure.getMessage()).contains("Unable to use shared archive.");
            default -> {}
        }
        // AND nothing is left that a later link or a JVM could take for a good archive
        assertThat(out.resolve("app.jsa")).doesNotExist();
        assertThat(out.resolve("app.args")).doesNotExist();
        assertThat(cacheEntries()).isEmpty();
    }

    private List<Path> cacheEntries() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    @Test
    void anImageWithALineTheJvmCannotReadDoesNotBreakTheLink() throws IOException {
        // GIVEN an image that the reader accepts, but whose entry for Main carries a tag no classlist has
        Jdk jdk = Jdks.current();
        Path trained = train(jdk);
        PackageImage image = ImageCodec.read(trained);
        List<ClassEntry> own = new ArrayList<>();
        for (ClassEntry c : TestImages.testsPart(image).ownClasses()) {
            List<String> lines = new ArrayList<>(c.lines());
            if (c.name().equals("com/acme/Main")) {
                lines.add("@future-tag com/acme/Main 1 2");
            }
            own.add(new ClassEntry(c.name(), c.sha256(), lines));
        }
        Path odd = dir.resolve("images/odd-pkgimage.jar");
        ImageCodec.write(
                TestImages.tests(
                        image.coordinates(),
                        image.trainedOn(),
                        image.fingerprints(),
                        own,
                        TestImages.testsPart(image).dependencyClasses(),
                        TestImages.testsPart(image).jdkClasses(),
                        TestImages.testsPart(image).lambdaFormInvokers(),
                        TestImages.testsPart(image).summary(),
                        TestImages.testsPart(image).inputsSha256()),
                odd);
        assertThat(TestImages.testsPart(ImageCodec.read(odd)).ownClasses())
                .anySatisfy(c -> assertThat(c.lines()).contains("@future-tag com/acme/Main 1 2"));

        // WHEN it is linked (not strict): one odd image must not cost the whole class path its archive
        LinkResult result =
                ImageLinker.link(request("app", jdk, folderClasspath(), List.of(odd), dir.resolve("out")), progress);

        // THEN the dump did not see the line, and the archive maps
        assertThat(Files.readAllLines(dir.resolve("out/app.classlist"))).noneMatch(l -> l.startsWith("@future-tag"));
        Run run = runWithArgfile(jdk, result.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void linksAnImageTrainedOnJdk25WithItsResolvedConstantPoolEntries() throws IOException {
        // GIVEN an image trained on JDK 25, which records @cp lines
        Jdk jdk = jdk25();
        Path image = train(jdk);
        assertThat(TestImages.testsPart(ImageCodec.read(image)).ownClasses())
                .anySatisfy(c -> assertThat(c.lines()).anyMatch(l -> l.startsWith("@cp com/acme/Main ")));

        // WHEN it is linked for JDK 25
        LinkResult result =
                ImageLinker.link(request("app", jdk, folderClasspath(), List.of(image), dir.resolve("out")), progress);

        // THEN the merged classlist keeps the @cp lines, and the JVM loads the classes from the archive
        assertThat(Files.readAllLines(dir.resolve("out/app.classlist")))
                .anyMatch(l -> l.startsWith("@cp com/acme/Main "));
        assertThat(result.summary()).contains(PROOF_3_OF_3);
        Run run = runWithArgfile(jdk, result.argfile());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Hello, Ada!")
                .contains("com.acme.Main source: shared objects file")
                .contains("org.dep.Greeting source: shared objects file");
    }

    @Test
    void anImageTrainedOnJdk17LinkedForJdk25KeepsItsClasspathClasses() throws IOException {
        // GIVEN an image trained on this JDK 17
        Jdk jdk17 = Jdks.current();
        assumeTrue(jdk17.feature() == 17, "the test JVM is not JDK 17");
        Jdk jdk25 = jdk25();
        Path image = train(jdk17);

        // WHEN it is linked for JDK 25
        LinkResult result = ImageLinker.link(
                request("app", jdk25, folderClasspath(), List.of(image), dir.resolve("out")), progress);

        // THEN its JDK entries are not used, its classpath classes are, and come from the archive
        assertThat(result.summary())
                .anyMatch(l ->
                        l.startsWith("image com.acme:app:1.0 (tests): kept 3 entries, dropped 0 changed, 0 missing, ")
                                && l.endsWith(" of another JDK")
                                && !l.endsWith(" 0 of another JDK"))
                .anyMatch(l -> l.contains("trained on JDK 17, linked for JDK 25"))
                .contains(PROOF_3_OF_3);
    }

    // ---- fixtures

    private List<ClasspathEntry> folderClasspath() {
        return List.of(ClasspathEntry.self(classes, APP), ClasspathEntry.dependency(greetingJar, GREETING));
    }

    /** The application as jars only, as a build that links from the local repository sees it. */
    private List<ClasspathEntry> jarClasspath() {
        Path appJar = dir.resolve("repo/app-1.0.jar");
        if (!Files.isRegularFile(appJar)) {
            DeterministicJar.of(classes, appJar);
        }
        return List.of(ClasspathEntry.self(appJar, APP), ClasspathEntry.dependency(greetingJar, GREETING));
    }

    private LinkRequest request(String name, Jdk jdk, List<ClasspathEntry> classpath, List<Path> images, Path out) {
        return LinkRequest.builder(name, jdk, out)
                .classpath(classpath)
                .images(images)
                .cache(LinkCache.at(dir.resolve("cache")))
                .timeout(Duration.ofMinutes(2))
                .toolVersion("test")
                .build();
    }

    private static LinkRequest withStrict(LinkRequest r) {
        return r.toBuilder().strict(true).build();
    }

    private static LinkRequest withJvmOptions(LinkRequest r, List<String> options) {
        return r.toBuilder().jvmOptions(options).build();
    }

    private static Jdk jdk25() {
        return io.pkgimage.core.TestJdks.jdk25();
    }

    /**
     * Trains an image of the application the way a training run does: runs its main with the JVM's classlist
     * recorder on, and splits the classlist by owner.
     */
    private Path train(Jdk jdk) throws IOException {
        Path recorded = dir.resolve("trained-on-" + jdk.feature() + ".classlist");
        Run run = java(
                jdk,
                List.of(
                        "-XX:DumpLoadedClassList=" + recorded,
                        "-cp",
                        classes + File.pathSeparator + greetingJar,
                        "com.acme.Main"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        ClasspathIndex index = ClasspathIndex.of(folderClasspath(), jdk.feature());
        ClassListSplit split =
                ClassListSplit.of(RecordedClassList.read(recorded), index, n -> JdkPackages.contains(jdk, n));
        TreeMap<String, String> fingerprints = new TreeMap<>();
        for (String name : ClasspathIndex.classes(classes, jdk.feature()).keySet()) {
            fingerprints.put(name, index.find(name).orElseThrow().sha256());
        }
        PackageImage image = TestImages.tests(
                APP,
                new TrainedOn(jdk.vendor(), jdk.runtimeVersion(), jdk.feature(), "G1", true),
                fingerprints,
                split.self(),
                split.dependencies(),
                split.jdk(),
                split.lambdaFormInvokers(),
                new TrainingSummary("classes", 2, 0, 0, 100, List.of()),
                "0".repeat(64));
        assertThat(TestImages.testsPart(image).ownClasses()).hasSize(2);
        assertThat(TestImages.testsPart(image).dependencyClasses()).containsOnlyKeys(GREETING);
        Path file = dir.resolve("images/app-1.0-jdk" + jdk.feature() + "-pkgimage.jar");
        ImageCodec.write(image, file);
        return file;
    }

    /** Classpath and JDK entries of the image that a link for the JDK that trained it keeps. */
    private static int keptEntries(Path image) {
        PackageImage read = ImageCodec.read(image);
        return TestImages.testsPart(read).ownClasses().size()
                + TestImages.testsPart(read).dependencyClasses().values().stream()
                        .mapToInt(List::size)
                        .sum()
                + TestImages.testsPart(read).jdkClasses().size();
    }

    private Path randomBytes(Path file) throws IOException {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private record Run(int exitCode, String output) {}

    private Run runWithArgfile(Jdk jdk, Path argfile) {
        return java(jdk, List.of("@" + argfile, "-Xshare:on", "-Xlog:class+load=info", "com.acme.Main"));
    }

    private Run java(Jdk jdk, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.javaExecutable().toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("JVM did not end: " + command + "\n" + output);
            }
            return new Run(process.exitValue(), String.join(" ", command) + "\n" + output);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + command, e);
        }
    }
}
