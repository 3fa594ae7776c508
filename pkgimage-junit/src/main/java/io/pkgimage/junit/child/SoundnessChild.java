package io.pkgimage.junit.child;

import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.core.process.ParentWatch;
import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.core.soundness.TestRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The {@code main} of a soundness child JVM: runs the tests its {@link ChildConfig} selects through the JUnit
 * Platform Launcher, with the harness in child mode, and writes each event to its {@link RunLog} as it happens,
 * goodbye last. A test class that runs longer than its timeout stops the JVM (exit code {@value #TIMED_OUT}), after
 * saying so in the log; the JVM halts when its parent is gone ({@code ParentWatch}).
 */
public final class SoundnessChild {
    /** The exit code of a child that stopped itself because a class passed its timeout. */
    public static final int TIMED_OUT = 4;

    private static final int MAX_TRACE = 16_000;
    private static final Map<String, SortedMap<String, String>> OBSERVATIONS = new ConcurrentHashMap<>();

    private SoundnessChild() {}

    /** Records an observation of the test with {@code uniqueId}; called by the extension in the child. */
    public static void observe(String uniqueId, String name, Object value) {
        SortedMap<String, String> of = OBSERVATIONS.computeIfAbsent(uniqueId, k -> new TreeMap<>());
        synchronized (of) {
            of.put(name, text(value));
        }
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        Map.Entry<ChildConfig, Path> read = ChildConfig.read(Path.of(args[0]));
        ChildConfig config = read.getKey();
        config.properties().forEach(System::setProperty);
        Set<String> units = Set.copyOf(config.units());
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, Long> unitsRunning = new ConcurrentHashMap<>();
        Map<String, String> running = new ConcurrentHashMap<>();
        try (RunLog.Writer log = RunLog.Writer.create(read.getValue())) {
            watch(log, unitsRunning, running, config.timeoutSeconds());
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(config.selectors().stream()
                                            .map(DiscoverySelectors::selectUniqueId)
                                            .collect(Collectors.toList()))
                                    .configurationParameters(config.parameters())
                                    .configurationParameter(ForkedJvm.CHILD_PARAMETER, "soundness")
                                    .build(),
                            new TestExecutionListener() {
                                @Override
                                public void executionStarted(TestIdentifier id) {
                                    String uid = id.getUniqueId();
                                    started.put(uid, System.nanoTime());
                                    if (units.contains(uid)) {
                                        unitsRunning.put(uid, System.nanoTime());
                                    }
                                    if (id.isTest()) {
                                        running.put(uid, id.getDisplayName());
                                    }
                                    log.started(
                                            uid,
                                            id.getParentId().orElse(""),
                                            id.getType().name(),
                                            id.getDisplayName(),
                                            id.getLegacyReportingName(),
                                            source(id));
                                }

                                @Override
                                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                                    String uid = id.getUniqueId();
                                    Long start = started.remove(uid);
                                    long micros = start == null ? 0 : (System.nanoTime() - start) / 1000;
                                    log.finished(uid, record(uid, result, micros));
                                    unitsRunning.remove(uid);
                                    running.remove(uid);
                                }

                                @Override
                                public void executionSkipped(TestIdentifier id, String reason) {
                                    log.skipped(
                                            id.getUniqueId(),
                                            id.getParentId().orElse(""),
                                            id.getType().name(),
                                            id.getDisplayName(),
                                            id.getLegacyReportingName(),
                                            source(id),
                                            String.valueOf(reason));
                                }
                            });
            log.goodbye();
        }
        System.out.flush();
        System.exit(0);
    }

    /** Stops the JVM once a test class has run longer than {@code seconds}, naming it and its running test. */
    private static void watch(
            RunLog.Writer log, Map<String, Long> unitsRunning, Map<String, String> running, long seconds) {
        Thread watchdog = new Thread(
                () -> {
                    while (true) {
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                        long now = System.nanoTime();
                        for (Map.Entry<String, Long> e : unitsRunning.entrySet()) {
                            if (now - e.getValue() > seconds * 1_000_000_000L) {
                                log.timedOut(e.getKey());
                                System.out.println("[pkgimage] " + e.getKey() + " did not finish within " + seconds
                                        + " s; running: " + running.values());
                                System.out.flush();
                                Runtime.getRuntime().halt(TIMED_OUT);
                            }
                        }
                    }
                },
                "pkgimage-class-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String source(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            return "method:" + m.getClassName() + "#" + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
        }
        if (source instanceof ClassSource c) {
            return "class:" + c.getClassName();
        }
        return "";
    }

    private static TestRecord record(String uid, TestExecutionResult result, long micros) {
        Throwable t = result.getThrowable().orElse(null);
        SortedMap<String, String> observed = OBSERVATIONS.getOrDefault(uid, new TreeMap<>());
        synchronized (observed) {
            observed = new TreeMap<>(observed);
        }
        String trace = "";
        if (t != null) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            trace = w.toString();
            if (trace.length() > MAX_TRACE) {
                trace = trace.substring(0, MAX_TRACE) + "\n\t...";
            }
        }
        return new TestRecord(
                result.getStatus().name(),
                t == null ? "" : t.getClass().getName(),
                t == null ? "" : String.valueOf(t.getMessage()),
                observed,
                micros,
                t instanceof AssertionError,
                trace);
    }

    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
        }
        return String.valueOf(value);
    }
}
