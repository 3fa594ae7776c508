package io.pkgimage.junit;

import io.pkgimage.core.soundness.Durations;
import io.pkgimage.junit.judge.ClassJudge;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.plan.Batches;
import io.pkgimage.junit.plan.ChildConfigs;
import io.pkgimage.junit.report.LauncherReport;
import io.pkgimage.junit.report.RunProgress;
import io.pkgimage.junit.report.SoundnessReport;
import io.pkgimage.junit.run.SoundnessArchives;
import io.pkgimage.junit.settings.ImageLinks;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/**
 * One execution of the soundness engine, the flow whose steps the packages below it are: the settings checked and the
 * imaged JVMs' archive linked ({@code settings}, {@code run}), the test classes split into batches ({@code plan}), each
 * batch run in a plain and an imaged JVM ({@link BatchExecution}, {@code run}), every test judged, a test that differs
 * run again alone ({@code judge}), and each test's verdict reported to the launcher as its result, class by class as
 * the batches finish ({@code report}).
 */
final class SoundnessExecution {
    private final ExecutionRequest request;
    private final EngineExecutionListener listener;
    private final ConfigurationParameters parameters;

    SoundnessExecution(ExecutionRequest request) {
        this.request = request;
        this.listener = request.getEngineExecutionListener();
        this.parameters = request.getConfigurationParameters();
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
        SoundnessReport report = new SoundnessReport(SoundnessSettings.workDirectory(parameters::get));
        RunProgress progress = new RunProgress(report, units.size());
        LauncherReport launcher = new LauncherReport(listener, report);
        SoundnessArchives archives;
        ChildConfigs configs;
        try {
            SoundnessSettings settings = ImageLinks.configured(parameters::get);
            ChildConfigs childConfigs = new ChildConfigs(settings, parameters);
            configs = childConfigs;
            archives = SoundnessArchives.of(settings, () -> childConfigs.probe(units));
        } catch (AssertionFailedError e) {
            units.forEach(u -> launcher.failAll(u, e));
            report.close();
            return;
        }
        SoundnessSettings settings = archives.settings();
        Durations durations = Durations.read(settings.workDirectory().resolve("durations.properties"));
        List<List<MirrorDescriptor>> planned = Batches.of(units, settings, durations.known());
        progress.planned(planned.size(), settings);
        BatchExecution batches = new BatchExecution(
                archives, configs, new ClassJudge(archives, configs), launcher, report, progress, durations);
        ExecutorService pool = Executors.newFixedThreadPool(settings.slots(), r -> {
            Thread t = new Thread(r, "pkgimage-soundness-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<MirrorDescriptor> batch : planned) {
                running.add(pool.submit(() -> batches.run(batch)));
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
            durations.write();
            report.close();
        }
    }
}
