package io.pkgimage.core.soundness;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one test did in one JVM: the parts that a plain and an imaged run must agree on, and how long it took.
 *
 * @param status {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or {@code SKIPPED}
 * @param exceptionType the class of the exception it ended with, empty when none
 * @param message the exception's message, empty when none
 * @param observations the values the test recorded, by name
 * @param micros how long the test ran, start to finish; never compared, only reported
 */
public record TestRecord(
        String status, String exceptionType, String message, SortedMap<String, String> observations, long micros) {
    public TestRecord {
        observations = Collections.unmodifiableSortedMap(new TreeMap<>(observations));
    }

    /** Whether the test passed. */
    public boolean passed() {
        return status.equals("SUCCESSFUL");
    }

    /** Whether the test failed: a broken assertion or an exception, not an aborted or skipped test. */
    public boolean failed() {
        return status.equals("FAILED");
    }

    /** One line: the status, and the exception when there is one. */
    public String outcome() {
        return exceptionType.isEmpty() ? status : status + " " + exceptionType + ": " + message;
    }
}
