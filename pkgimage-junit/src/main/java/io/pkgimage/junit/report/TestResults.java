package io.pkgimage.junit.report;

import io.pkgimage.core.soundness.StackFrames;
import io.pkgimage.core.soundness.TestRecord;
import io.pkgimage.core.soundness.Verdict;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A verdict as the launcher sees it, the result of the original test: the plain result for {@code SOUND} and {@code
 * UNSOUND_TEST} (its exception rebuilt with the child's stack), a failure for {@code IMAGE_DIVERGENCE} and {@code
 * MISSING}, an abort for {@code ORDER_DEPENDENT} and {@code FLAKY}.
 */
final class TestResults {
    private TestResults() {}

    /** The result of a test with the verdict {@code v}, whose plain run is {@code plain}. */
    static TestExecutionResult of(Verdict v, Optional<TestRecord> plain) {
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

    /** The result of the container with the unique id {@code id}, by how it ended plain and imaged. */
    static TestExecutionResult ofContainer(String id, Optional<TestRecord> plain, Optional<TestRecord> imaged) {
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
    private static Throwable asFailure(String prefix, TestRecord record) {
        String message = prefix + record.exceptionType() + ": " + record.message();
        Throwable t = record.assertion() ? new AssertionFailedError(message) : new ChildError(message);
        t.setStackTrace(StackFrames.parse(record.trace()));
        return t;
    }
}
