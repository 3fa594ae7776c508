package io.pkgimage.junit;

import io.pkgimage.core.soundness.BatchPlan;
import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.core.soundness.TestRecord;
import io.pkgimage.core.soundness.Verdict;
import io.pkgimage.junit.child.ChildConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One execution of the soundness engine: links the archives, plans the batches, runs each batch in a plain and an
 * imaged JVM, judges every test (running a test that differs again alone), and reports each test's verdict to the
 * launcher as its result, class by class as the batches finish.
 */
final class SoundnessExecution {
    /** How many differing tests of one class run again each alone; more, and the class runs again alone. */
    private static final int ALONE_TESTS = 5;

    /** How often, at most, a running batch's progress is printed. */
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** How often a running batch's logs are read for classes that both its JVMs finished. */
    private static final long POLL_MILLIS = 1000;

    /** System properties of the test JVM when the tests were discovered, before any test could change them. */
    private static volatile Map<String, String> propertiesAtDiscovery = Map.of();

    private final ExecutionRequest request;
    private final EngineExecutionListener listener;
    private final ConfigurationParameters parameters;
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger reruns = new AtomicInteger();
    private final AtomicInteger judged = new AtomicInteger();
    private final Map<String, Long> durations = new ConcurrentHashMap<>();
    private final long start = System.nanoTime();
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private SoundnessReport report;
    private int total;

    SoundnessExecution(ExecutionRequest request) {
        this.request = request;
        this.listener = request.getEngineExecutionListener();
        this.parameters = request.getConfigurationParameters();
    }

    /** Keeps the system properties the test JVM was started with, for the child JVMs. */
    static void discovered() {
        Map<String, String> p = new TreeMap<>();
        Properties system = System.getProperties();
        for (String k : system.stringPropertyNames()) {
            if (!jvmOwned(k)) {
                p.put(k, system.getProperty(k));
            }
        }
        propertiesAtDiscovery = Map.copyOf(p);
    }

    /** Properties that every JVM sets itself, or that belong to the test JVM's own runner. */
    private static boolean jvmOwned(String key) {
        return key.startsWith("java.")
                || key.startsWith("jdk.")
                || key.startsWith("sun.")
                || key.startsWith("os.")
                || key.startsWith("user.")
                || key.startsWith("file.")
                || key.startsWith("surefire.")
                || key.startsWith("native.")
                || key.startsWith("stdout.")
                || key.startsWith("stderr.")
                || key.equals("line.separator")
                || key.equals("path.separator")
                || key.equals("awt.toolkit");
    }

    void run() {
        TestDescriptor root = request.getRootTestDescriptor();
        listener.executionStarted(root);
        List<TestDescriptor> delegates = List.copyOf(root.getChildren());
        List<MirrorDescriptor> units = new ArrayList<>();
        delegates.forEach(d -> d.getChildren().forEach(u -> units.add((MirrorDescriptor) u)));
        if (!units.isEmpty()) {
            delegates.forEach(listener::executionStarted);
            try {
                judge(units);
            } finally {
                delegates.forEach(d -> listener.executionFinished(d, TestExecutionResult.successful()));
            }
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    private void judge(List<MirrorDescriptor> units) {
        total = units.size();
        report = new SoundnessReport(SoundnessSettings.workDirectory(parameters::get));
        SoundnessArchives archives;
        try {
            SoundnessSettings settings = ImageLinks.configured(parameters::get);
            archives = SoundnessArchives.make(settings, probe(settings, units));
        } catch (AssertionFailedError e) {
            units.forEach(u -> failAll(u, e));
            report.close();
            return;
        }
        SoundnessSettings settings = archives.settings();
        Path durationsFile = settings.workDirectory().resolve("durations.properties");
        Map<String, Long> known = BatchPlan.readDurations(durationsFile);
        Map<String, MirrorDescriptor> byId = new HashMap<>();
        List<BatchPlan.Unit> plan = new ArrayList<>();
        for (MirrorDescriptor u : units) {
            byId.put(u.original().toString(), u);
            plan.add(new BatchPlan.Unit(
                    u.original().toString(),
                    className(u),
                    testCount(u),
                    u.isolated() || settings.isolated(className(u))));
        }
        List<BatchPlan.Batch> batchPlan = BatchPlan.plan(plan, known, settings.slots());
        int planned = batchPlan.size();
        print(String.format(
                Locale.ROOT,
                "soundness: %d test classes in %d batch%s, each run in a plain and an imaged JVM (%d pair%s at a"
                        + " time); %s",
                total,
                planned,
                planned == 1 ? "" : "es",
                settings.slots(),
                settings.slots() == 1 ? "" : "s",
                settings.jdk()));
        ExecutorService pool = Executors.newFixedThreadPool(settings.slots(), r -> {
            Thread t = new Thread(r, "pkgimage-soundness-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (BatchPlan.Batch b : batchPlan) {
                List<MirrorDescriptor> batch =
                        b.units().stream().map(u -> byId.get(u.id())).collect(Collectors.toList());
                running.add(pool.submit(() -> runBatch(archives, batch)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A soundness batch failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
            Map<String, Long> all = new TreeMap<>(known);
            all.putAll(durations);
            BatchPlan.writeDurations(durationsFile, all);
            report.close();
        }
    }

    // ---- one batch: a pair of JVMs, then each class judged and reported

    private void runBatch(SoundnessArchives archives, List<MirrorDescriptor> batch) {
        int number = batches.incrementAndGet();
        Path dir = archives.settings().workDirectory().resolve("runs").resolve("batch-" + number);
        ChildConfig config = config(archives.settings(), selectorsOf(batch), ids(batch));
        try {
            // no log of an earlier run may be taken for this one's
            Files.deleteIfExists(dir.resolve("plain").resolve(PairRuns.LOG));
            Files.deleteIfExists(dir.resolve("imaged").resolve(PairRuns.LOG));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the soundness batch folder '" + dir + "': " + e, e);
        }
        Followed followed = new Followed(dir);
        CompletableFuture<PairRuns.Pair> running =
                CompletableFuture.supplyAsync(() -> PairRuns.run(archives, config, dir), r -> {
                    Thread t = new Thread(r, "pkgimage-soundness-pair");
                    t.setDaemon(true);
                    t.start();
                });
        // each class is judged and reported as soon as both JVMs finished it, while the batch runs on
        Set<MirrorDescriptor> reported = new HashSet<>();
        PairRuns.Pair pair;
        try {
            while (true) {
                try {
                    pair = running.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    reportFinished(archives, batch, followed, number, reported);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return;
        } catch (ExecutionException e) {
            AssertionFailedError failure = e.getCause() instanceof AssertionFailedError f
                    ? f // no archive to run them with
                    : new AssertionFailedError(
                            "Cannot run the child JVMs of soundness batch " + number + ": " + e.getCause(),
                            e.getCause());
            batch.stream().filter(u -> !reported.contains(u)).forEach(u -> failAll(u, failure));
            progress(number, batch.size() - reported.size());
            return;
        }
        List<MirrorDescriptor> units =
                batch.stream().filter(u -> !reported.contains(u)).collect(Collectors.toList());
        report.addBatch(number, batch.size(), pair);
        Optional<AssertionFailedError> notInEffect = proof(pair, batch);
        boolean ended = pair.plain().ended() && pair.imaged().ended();
        Logs logs = Logs.of(pair.plain().log(), pair.imaged().log());
        List<MirrorDescriptor> requeued = new ArrayList<>();
        int done = 0;
        for (MirrorDescriptor unit : units) {
            String id = unit.original().toString();
            if (ended
                    || (pair.plain().log().result(id).isPresent()
                            && pair.imaged().log().result(id).isPresent())) {
                // the proof holds for what ran to its end; a JVM that crashed is reported as such below
                if (notInEffect.isPresent()) {
                    failAll(unit, notInEffect.get());
                } else {
                    judgeAndReport(archives, unit, logs, number, Optional.empty());
                }
                done++;
            } else {
                Optional<String> crash = crash(archives.settings(), unit, pair, batch.size());
                if (crash.isPresent()) {
                    judgeAndReport(archives, unit, logs, number, crash);
                    done++;
                } else {
                    requeued.add(unit);
                }
            }
        }
        progress(number, done);
        if (requeued.isEmpty()) {
            return;
        }
        if (done + reported.size() == 0) {
            // the JVM ended before or between classes: nothing to attribute it to, and nothing gained by a retry
            String why = crashed(pair).stream()
                    .map(c -> ended(archives.settings(), c) + ". Command was: "
                            + c.exit().commandLine() + c.exit().lastOutput())
                    .collect(Collectors.joining("\n"));
            requeued.forEach(u -> failAll(u, new AssertionFailedError(why)));
            return;
        }
        // the classes after the one that crashed the JVM run again, in a pair of their own
        runBatch(archives, requeued);
    }

    /**
     * Judges and reports the classes of a running batch that both its JVMs finished, once its imaged JVM has shown
     * that it loads classes of the images from its archive; the rest wait for the batch's end.
     */
    private void reportFinished(
            SoundnessArchives archives,
            List<MirrorDescriptor> batch,
            Followed followed,
            int number,
            Set<MirrorDescriptor> reported) {
        RunLog plain = followed.plain().read();
        RunLog imaged = followed.imaged().read();
        List<MirrorDescriptor> finished = batch.stream()
                .filter(u -> !reported.contains(u))
                .filter(u -> plain.result(u.original().toString()).isPresent()
                        && imaged.result(u.original().toString()).isPresent())
                .collect(Collectors.toList());
        if (finished.isEmpty() || !followed.proven(archives)) {
            return;
        }
        Logs logs = Logs.of(plain, imaged);
        for (MirrorDescriptor unit : finished) {
            judgeAndReport(archives, unit, logs, number, Optional.empty());
            reported.add(unit);
        }
        progressWhileRunning(finished.size());
    }

    /** A running batch's logs, read as they grow, and whether its imaged JVM has loaded image classes from its archive. */
    private static final class Followed {
        private final RunLog.Tail plain;
        private final RunLog.Tail imaged;
        private final Path imagedLoadLog;
        private boolean proven;

        Followed(Path dir) {
            this.plain = new RunLog.Tail(dir.resolve("plain").resolve(PairRuns.LOG));
            this.imaged = new RunLog.Tail(dir.resolve("imaged").resolve(PairRuns.LOG));
            this.imagedLoadLog = dir.resolve("imaged").resolve(PairRuns.LOAD_LOG);
        }

        RunLog.Tail plain() {
            return plain;
        }

        RunLog.Tail imaged() {
            return imaged;
        }

        /**
         * Whether what the JVMs finished so far is proven: the imaged JVM's class-load log shows classes of the images
         * from the archive (read until it does). The plain JVM maps the JDK's default archive alone.
         */
        boolean proven(SoundnessArchives archives) {
            if (!proven) {
                proven = !PairRuns.imageClassesFromArchive(archives.imageClasses(), imagedLoadLog)
                        .isEmpty();
            }
            return proven;
        }
    }

    /** What the two JVMs of a pair logged, with each node's children found at once. */
    private record Logs(
            RunLog plain,
            RunLog imaged,
            Map<String, List<RunLog.Node>> plainChildren,
            Map<String, List<RunLog.Node>> imagedChildren) {
        static Logs of(RunLog plain, RunLog imaged) {
            return new Logs(plain, imaged, plain.children(), imaged.children());
        }

        /** The nodes either JVM started under {@code parent}, plain's first. */
        List<RunLog.Node> childrenOf(String parent) {
            List<RunLog.Node> all = new ArrayList<>(plainChildren.getOrDefault(parent, List.of()));
            all.addAll(imagedChildren.getOrDefault(parent, List.of()));
            return all;
        }

        /** Adds the unique ids of the tests below {@code id}, as either JVM ran them, to {@code tests}. */
        void testsBelow(String id, Set<String> tests) {
            for (RunLog.Node n : childrenOf(id)) {
                if (n.test()) {
                    tests.add(n.uniqueId());
                }
                testsBelow(n.uniqueId(), tests);
            }
        }
    }

    /** The JVMs of the pair that did not run to their end. */
    private static List<PairRuns.Child> crashed(PairRuns.Pair pair) {
        return pair.both().stream().filter(c -> !c.ended()).collect(Collectors.toList());
    }

    /** How a child that did not say goodbye ended. */
    private static String ended(SoundnessSettings settings, PairRuns.Child c) {
        return "The " + c.mode() + " JVM "
                + (c.timedOut()
                        ? "did not finish within " + settings.timeout().toSeconds() + " s and was stopped ("
                                + ImageSoundness.TIMEOUT + ", seconds per test class)"
                        : "terminated without properly saying goodbye (exit code "
                                + c.exit().exitCode() + ")");
    }

    /**
     * Why {@code unit} did not finish, if it was running when a JVM of the pair ended early: the JVM, the class and
     * the test that were running, its command line and last output.
     */
    private static Optional<String> crash(
            SoundnessSettings settings, MirrorDescriptor unit, PairRuns.Pair pair, int batchSize) {
        String id = unit.original().toString();
        List<String> parts = new ArrayList<>();
        List<PairRuns.Child> ran = new ArrayList<>();
        for (PairRuns.Child c : crashed(pair)) {
            if (!c.log().nodes().containsKey(id) || c.log().result(id).isPresent()) {
                continue;
            }
            ran.add(c);
            Optional<RunLog.Node> test = c.log().running().stream()
                    .filter(n -> n.test() && n.uniqueId().startsWith(id + "/"))
                    .reduce((a, b) -> b);
            parts.add(ended(settings, c) + " while running " + className(unit)
                    + test.map(n -> ", test " + n.displayName()).orElse("")
                    + (batchSize > 1 ? " (in a batch of " + batchSize + " test classes)" : "") + ". Command was: "
                    + c.exit().commandLine() + c.exit().lastOutput());
        }
        if (ran.isEmpty()) {
            return Optional.empty();
        }
        if (ran.size() == 1) {
            PairRuns.Child other = ran.get(0).imaged() ? pair.plain() : pair.imaged();
            parts.add("The " + other.mode() + " JVM "
                    + (other.log().result(id).isPresent() ? "ran the class to its end." : "did not get to it."));
        }
        return Optional.of(String.join("\n", parts));
    }

    /**
     * The failure of a batch whose imaged JVM loaded no class of the images from its archive, or whose plain JVM did:
     * either way the comparison proves nothing.
     */
    private static Optional<AssertionFailedError> proof(PairRuns.Pair pair, List<MirrorDescriptor> units) {
        String classes = units.size() == 1 ? className(units.get(0)) : units.size() + " test classes";
        PairRuns.Child imaged = pair.imaged();
        if (imaged.fromImages().isEmpty() && !imaged.log().nodes().isEmpty()) {
            return Optional.of(new AssertionFailedError("IMAGE_NOT_IN_EFFECT: the imaged JVM running " + classes
                    + " mapped the archive but loaded no class of the package images from it (see " + imaged.loadLog()
                    + "), so its results prove nothing. Are the images those of the classes under test ("
                    + ImageSoundness.IMAGES + ")?"));
        }
        PairRuns.Child plain = pair.plain();
        if (!plain.fromImages().isEmpty()) {
            // the harness gives the plain JVM no archive of its own: one came from elsewhere (JAVA_TOOL_OPTIONS, say)
            return Optional.of(new AssertionFailedError("The plain JVM running " + classes + " loaded "
                    + plain.fromImages().size() + " classes of the package images from an archive (such as "
                    + plain.fromImages().get(0) + ", see " + plain.loadLog()
                    + "), so it was not plain and the comparison would prove nothing. Does JAVA_TOOL_OPTIONS or the"
                    + " environment give it -XX:SharedArchiveFile?"));
        }
        return Optional.empty();
    }

    // ---- judging a class

    /** The verdict of each test of a class, and what the two JVMs saw of it. */
    private record Judgement(Logs logs, Map<String, Verdict> verdicts) {
        RunLog plain() {
            return logs.plain();
        }

        RunLog imaged() {
            return logs.imaged();
        }
    }

    private void judgeAndReport(
            SoundnessArchives archives, MirrorDescriptor unit, Logs logs, int batch, Optional<String> crash) {
        String id = unit.original().toString();
        RunLog plain = logs.plain();
        RunLog imaged = logs.imaged();
        Set<String> tests = new LinkedHashSet<>();
        collectTests(unit, tests);
        logs.testsBelow(id, tests);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        for (String test : tests) {
            Optional<TestRecord> p = plain.result(test);
            Optional<TestRecord> i = imaged.result(test);
            Verdict v;
            if (crash.isPresent() && (p.isEmpty() || i.isEmpty())) {
                v = new Verdict(Verdict.Kind.MISSING, crash.get());
            } else {
                v = Verdict.compare(p, i);
                if (v.kind() == Verdict.Kind.IMAGE_DIVERGENCE
                        || v.kind() == Verdict.Kind.MISSING && (p.isPresent() || i.isPresent())) {
                    differing.add(test);
                }
            }
            verdicts.put(test, v);
        }
        // each test that differed runs again alone in a fresh pair; many of one class run together in one pair
        List<List<String>> reruns = differing.size() > ALONE_TESTS
                ? List.of(differing)
                : differing.stream().map(List::of).collect(Collectors.toList());
        for (List<String> again : reruns) {
            PairRuns.Pair pair = alone(archives, again, id);
            if (again.stream().noneMatch(pair::ran)) {
                // an engine that cannot select them (dynamic tests): their class alone
                pair = alone(archives, List.of(id), id);
            }
            for (String test : again) {
                verdicts.put(
                        test,
                        Verdict.alone(
                                verdicts.get(test),
                                pair.plain().log().result(test),
                                pair.imaged().log().result(test)));
            }
        }
        long micros = Math.max(
                plain.result(id).map(TestRecord::micros).orElse(0L),
                imaged.result(id).map(TestRecord::micros).orElse(0L));
        if (micros > 0) {
            durations.put(className(unit), micros / 1000);
        }
        report.addClass(className(unit), id, batch, plain, imaged);
        Judgement judgement = new Judgement(logs, verdicts);
        synchronized (listener) {
            emit(unit, unit, judgement);
        }
    }

    /** Runs {@code selectors} of the class {@code unit} in a fresh pair of JVMs. */
    private PairRuns.Pair alone(SoundnessArchives archives, List<String> selectors, String unit) {
        Path dir = archives.settings().workDirectory().resolve("runs").resolve("alone-" + reruns.incrementAndGet());
        return PairRuns.run(archives, config(archives.settings(), selectors, List.of(unit)), dir);
    }

    private static void collectTests(TestDescriptor d, Set<String> tests) {
        if (d.isTest()) {
            tests.add(((MirrorDescriptor) d).original().toString());
        }
        d.getChildren().forEach(c -> collectTests(c, tests));
    }

    // ---- reporting to the launcher

    private void emit(MirrorDescriptor unit, MirrorDescriptor node, Judgement j) {
        String id = node.original().toString();
        Optional<TestRecord> plain = j.plain().result(id);
        if (node.isTest()) {
            Verdict v = j.verdicts()
                    .getOrDefault(id, Verdict.compare(plain, j.imaged().result(id)));
            report.add(className(unit), node.getDisplayName(), id, v);
            if (v.kind() == Verdict.Kind.SOUND && plain.orElseThrow().skipped()) {
                listener.executionSkipped(node, plain.get().message());
                return;
            }
            listener.executionStarted(node);
            listener.executionFinished(node, result(v, plain));
            return;
        }
        if (plain.isPresent()
                && plain.get().skipped()
                && j.imaged().result(id).map(TestRecord::skipped).orElse(false)) {
            listener.executionSkipped(node, plain.get().message());
            return;
        }
        listener.executionStarted(node);
        Set<String> known = new LinkedHashSet<>();
        for (TestDescriptor child : List.copyOf(node.getChildren())) {
            known.add(((MirrorDescriptor) child).original().toString());
            emit(unit, (MirrorDescriptor) child, j);
        }
        // what the engines registered while they ran (dynamic tests, invocations of templates), plain's order first
        for (RunLog.Node n : j.logs().childrenOf(id)) {
            if (known.add(n.uniqueId())) {
                MirrorDescriptor dynamic = dynamic(node, n);
                node.addChild(dynamic);
                listener.dynamicTestRegistered(dynamic);
                emit(unit, dynamic, j);
            }
        }
        listener.executionFinished(node, containerResult(id, plain, j.imaged().result(id)));
    }

    private static MirrorDescriptor dynamic(MirrorDescriptor parent, RunLog.Node n) {
        UniqueId original = UniqueId.parse(n.uniqueId());
        List<UniqueId.Segment> segments = original.getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        return new MirrorDescriptor(
                parent.getUniqueId().append(last.getType(), last.getValue()),
                original,
                n.displayName(),
                source(n.source()),
                TestDescriptor.Type.valueOf(n.kind()),
                Set.of(),
                n.legacyName(),
                n.kind().startsWith("CONTAINER"),
                0,
                false);
    }

    private static Optional<TestSource> source(String source) {
        try {
            if (source.startsWith("class:")) {
                return Optional.of(ClassSource.from(source.substring("class:".length())));
            }
            Matcher m = Pattern.compile("method:([^#]+)#([^(]+)\\((.*)\\)").matcher(source);
            if (m.matches()) {
                return Optional.of(MethodSource.from(m.group(1), m.group(2), m.group(3)));
            }
        } catch (RuntimeException e) {
            // no source then
        }
        return Optional.empty();
    }

    private static TestExecutionResult result(Verdict v, Optional<TestRecord> plain) {
        return switch (v.kind()) {
            case SOUND -> plain.orElseThrow().passed()
                    ? TestExecutionResult.successful()
                    : TestExecutionResult.aborted(
                            new TestAbortedException("SOUND: " + plain.get().outcome() + ", plain and imaged alike"));
            case UNSOUND_TEST -> TestExecutionResult.failed(
                    asFailure("UNSOUND_TEST: it fails without the image too: ", plain.orElseThrow()));
            case FLAKY, ORDER_DEPENDENT -> TestExecutionResult.aborted(
                    new TestAbortedException(v.kind() + ": " + v.detail()));
            case IMAGE_DIVERGENCE -> TestExecutionResult.failed(new AssertionFailedError(
                    "IMAGE_DIVERGENCE: the test gives another result with the package images, again alone in a fresh"
                            + " pair of JVMs:\n" + v.detail()));
            case MISSING -> TestExecutionResult.failed(new AssertionFailedError("MISSING: " + v.detail()));
        };
    }

    private static TestExecutionResult containerResult(
            String id, Optional<TestRecord> plain, Optional<TestRecord> imaged) {
        if (plain.isPresent() && plain.get().failed()) {
            return TestExecutionResult.failed(asFailure(
                    imaged.map(i -> i.outcome().equals(plain.get().outcome())).orElse(false)
                            ? "UNSOUND_TEST: it fails without the image too: "
                            : "IMAGE_DIVERGENCE: it fails plain, not imaged ("
                                    + imaged.map(TestRecord::outcome).orElse("did not run") + "): ",
                    plain.get()));
        }
        if (imaged.isPresent() && imaged.get().failed()) {
            return TestExecutionResult.failed(new AssertionFailedError("IMAGE_DIVERGENCE: " + id
                    + " fails with the package images only: " + imaged.get().outcome()));
        }
        return TestExecutionResult.successful();
    }

    /** A failure of a child JVM as the test JVM shows it: the same message and stack, a failure or an error alike. */
    static Throwable asFailure(String prefix, TestRecord record) {
        String message = prefix + record.exceptionType() + ": " + record.message();
        Throwable t = record.assertion() ? new AssertionFailedError(message) : new ChildError(message);
        t.setStackTrace(frames(record.trace()));
        return t;
    }

    /** An error (not an assertion) that a test threw in a child JVM. */
    static final class ChildError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChildError(String message) {
            super(message);
        }
    }

    private static final Pattern FRAME = Pattern.compile("^\\s+at (?:[^ /]+/)*([^ (]+)\\.([^ .(]+)\\((.*)\\)$");

    /** The frames of a printed stack trace, up to its first cause. */
    static StackTraceElement[] frames(String trace) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (String line : trace.split("\n")) {
            if (line.startsWith("Caused by:")) {
                break;
            }
            Matcher m = FRAME.matcher(line);
            if (m.matches()) {
                String where = m.group(3);
                int colon = where.lastIndexOf(':');
                String file = colon > 0 ? where.substring(0, colon) : where;
                int lineNumber = -1;
                if (colon > 0) {
                    try {
                        lineNumber = Integer.parseInt(where.substring(colon + 1));
                    } catch (NumberFormatException e) {
                        // no line
                    }
                }
                frames.add(new StackTraceElement(m.group(1), m.group(2), file, lineNumber));
            }
        }
        return frames.toArray(StackTraceElement[]::new);
    }

    /** Fails every test of {@code unit} (it did not run as it should) with {@code failure}. */
    private void failAll(MirrorDescriptor unit, AssertionFailedError failure) {
        synchronized (listener) {
            listener.executionStarted(unit);
            failTests(unit, unit, failure);
            listener.executionFinished(unit, TestExecutionResult.successful());
        }
    }

    private void failTests(MirrorDescriptor unit, TestDescriptor node, AssertionFailedError failure) {
        for (TestDescriptor child : List.copyOf(node.getChildren())) {
            listener.executionStarted(child);
            if (child.isTest()) {
                report.add(
                        className(unit),
                        child.getDisplayName(),
                        ((MirrorDescriptor) child).original().toString(),
                        new Verdict(Verdict.Kind.MISSING, failure.getMessage()));
                listener.executionFinished(child, TestExecutionResult.failed(failure));
            } else {
                failTests(unit, child, failure);
                listener.executionFinished(child, TestExecutionResult.successful());
            }
        }
    }

    // ---- what the children run

    private ChildConfig config(SoundnessSettings settings, List<String> selectors, List<String> units) {
        Map<String, String> params = new TreeMap<>();
        for (String key : parameters.keySet()) {
            if (!key.startsWith("pkgimage.")) {
                parameters.get(key).ifPresent(v -> params.put(key, v));
            }
        }
        return new ChildConfig(selectors, units, settings.timeout().toSeconds(), params, propertiesAtDiscovery);
    }

    /** The probe: the smallest class of each engine, which loads that engine's infrastructure. */
    private ChildConfig probe(SoundnessSettings settings, List<MirrorDescriptor> units) {
        Map<String, MirrorDescriptor> smallest = new LinkedHashMap<>();
        for (MirrorDescriptor u : units) {
            String engine = u.original().getEngineId().orElse("");
            smallest.merge(engine, u, (a, b) -> testCount(b) < testCount(a) ? b : a);
        }
        List<String> ids =
                smallest.values().stream().map(u -> u.original().toString()).collect(Collectors.toList());
        return config(settings, ids, ids);
    }

    /** The selectors of the units: a whole class where nothing of it was left out, else what remains of it. */
    private static List<String> selectorsOf(List<MirrorDescriptor> units) {
        List<String> selectors = new ArrayList<>();
        units.forEach(u -> selectors(u, selectors));
        return selectors;
    }

    private static void selectors(MirrorDescriptor d, List<String> out) {
        if (!partialBelow(d)) {
            out.add(d.original().toString());
        } else {
            d.getChildren().forEach(c -> selectors((MirrorDescriptor) c, out));
        }
    }

    private static boolean partialBelow(MirrorDescriptor d) {
        return d.partial() || d.getChildren().stream().anyMatch(c -> partialBelow((MirrorDescriptor) c));
    }

    private static List<String> ids(List<MirrorDescriptor> units) {
        return units.stream().map(u -> u.original().toString()).collect(Collectors.toList());
    }

    static String className(TestDescriptor unit) {
        return unit.getSource()
                .filter(ClassSource.class::isInstance)
                .map(s -> ((ClassSource) s).getClassName())
                .orElse(unit.getDisplayName());
    }

    private static int testCount(TestDescriptor d) {
        return (d.isTest() ? 1 : 0)
                + d.getChildren().stream()
                        .mapToInt(SoundnessExecution::testCount)
                        .sum();
    }

    // ---- progress

    /** Counts {@code classes} more judged, and says so for a batch that is done. */
    private void progress(int batch, int classes) {
        judged.addAndGet(classes);
        printProgress("batch " + batch + " done, ");
    }

    /** Says how far the run is, at most every half minute while a batch runs. */
    private void progressWhileRunning(int classes) {
        judged.addAndGet(classes);
        long now = System.nanoTime();
        long last = lastProgress.get();
        if (now - last > PROGRESS_NANOS && lastProgress.compareAndSet(last, now)) {
            printProgress("");
        }
    }

    private void printProgress(String prefix) {
        lastProgress.set(System.nanoTime());
        String verdicts = report.counts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        print(String.format(
                Locale.ROOT,
                "soundness: %s%d of %d test classes judged; %s; %d:%02d elapsed",
                prefix,
                judged.get(),
                total,
                verdicts.isEmpty() ? "no tests" : verdicts,
                seconds / 60,
                seconds % 60));
    }

    private static void print(String line) {
        System.out.println("[pkgimage] " + line);
        System.out.flush();
    }
}
