package io.pkgimage.junit.report;

import io.pkgimage.core.soundness.ClassJudgement;
import io.pkgimage.core.soundness.PairLogs;
import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.core.soundness.TestRecord;
import io.pkgimage.core.soundness.Verdict;
import io.pkgimage.junit.mirror.MirrorDescriptor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/**
 * Reports each judged test class to the launcher, as the original tests' events and results ({@link TestResults}),
 * registering the tests its JVMs ran that discovery could not know ({@link DynamicDescriptors}), and each verdict to
 * the run's {@link SoundnessReport}. Classes of batches that run side by side are reported one at a time.
 */
public final class LauncherReport {
    private final EngineExecutionListener listener;
    private final SoundnessReport report;

    /** Reports to {@code listener} and to {@code report}. */
    public LauncherReport(EngineExecutionListener listener, SoundnessReport report) {
        this.listener = listener;
        this.report = report;
    }

    /** Reports the test class {@code unit} of batch {@code batch}, judged by the logs {@code logs} of its pair. */
    public void judged(MirrorDescriptor unit, int batch, PairLogs logs, ClassJudgement judgement) {
        report.addClass(unit.className(), unit.original().toString(), batch, logs.plain(), logs.imaged());
        synchronized (listener) {
            emit(unit, unit, logs, judgement.verdicts());
        }
    }

    /** Fails every test of {@code unit} (it did not run as it should) with {@code failure}. */
    public void failAll(MirrorDescriptor unit, AssertionFailedError failure) {
        synchronized (listener) {
            listener.executionStarted(unit);
            failTests(unit, unit, failure);
            listener.executionFinished(unit, TestExecutionResult.successful());
        }
    }

    private void emit(MirrorDescriptor unit, MirrorDescriptor node, PairLogs logs, Map<String, Verdict> verdicts) {
        String id = node.original().toString();
        Optional<TestRecord> plain = logs.plain().result(id);
        if (node.isTest()) {
            Verdict v = verdicts.getOrDefault(
                    id, Verdict.compare(plain, logs.imaged().result(id)));
            report.add(unit.className(), node.getDisplayName(), id, v);
            if (v.kind() == Verdict.Kind.SOUND && plain.orElseThrow().skipped()) {
                listener.executionSkipped(node, plain.get().message());
                return;
            }
            listener.executionStarted(node);
            listener.executionFinished(node, TestResults.of(v, plain));
            return;
        }
        if (plain.isPresent()
                && plain.get().skipped()
                && logs.imaged().result(id).map(TestRecord::skipped).orElse(false)) {
            listener.executionSkipped(node, plain.get().message());
            return;
        }
        listener.executionStarted(node);
        Set<String> known = new LinkedHashSet<>();
        for (TestDescriptor child : List.copyOf(node.getChildren())) {
            known.add(((MirrorDescriptor) child).original().toString());
            emit(unit, (MirrorDescriptor) child, logs, verdicts);
        }
        // what the engines registered while they ran (dynamic tests, invocations of templates), plain's order first
        for (RunLog.Node n : logs.childrenOf(id)) {
            if (known.add(n.uniqueId())) {
                MirrorDescriptor dynamic = DynamicDescriptors.of(node, n);
                node.addChild(dynamic);
                listener.dynamicTestRegistered(dynamic);
                emit(unit, dynamic, logs, verdicts);
            }
        }
        listener.executionFinished(
                node, TestResults.ofContainer(id, plain, logs.imaged().result(id)));
    }

    private void failTests(MirrorDescriptor unit, TestDescriptor node, AssertionFailedError failure) {
        for (TestDescriptor child : List.copyOf(node.getChildren())) {
            listener.executionStarted(child);
            if (child.isTest()) {
                report.add(
                        unit.className(),
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
}
