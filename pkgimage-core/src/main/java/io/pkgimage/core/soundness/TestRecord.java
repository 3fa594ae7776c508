package io.pkgimage.core.soundness;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one test (or container) did in one JVM: the parts that a plain and an imaged run must agree on, how long it
 * took, and what is needed to show its failure.
 *
 * @param status {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or {@code SKIPPED}
 * @param exceptionType the class of the exception it ended with, empty when none
 * @param message the exception's message, empty when none
 * @param observations the values the test recorded, by name
 * @param micros how long it ran, start to finish; never compared, only reported
 * @param assertion whether the exception was an {@link AssertionError} (a failure rather than an error); not compared
 * @param trace the exception's stack trace as the JVM prints it, empty when none; not compared
 */
public record TestRecord(
        String status,
        String exceptionType,
        String message,
        SortedMap<String, String> observations,
        long micros,
        boolean assertion,
        String trace) {
    public TestRecord {
        observations = Collections.unmodifiableSortedMap(new TreeMap<>(observations));
    }

    /** A record without a stack trace. */
    public TestRecord(
            String status, String exceptionType, String message, SortedMap<String, String> observations, long micros) {
        this(status, exceptionType, message, observations, micros, false, "");
    }

    /** Whether the test passed. */
    public boolean passed() {
        return status.equals("SUCCESSFUL");
    }

    /** Whether the test failed: a broken assertion or an exception, not an aborted or skipped test. */
    public boolean failed() {
        return status.equals("FAILED");
    }

    /** Whether the test was skipped (never started). */
    public boolean skipped() {
        return status.equals("SKIPPED");
    }

    /** One line: the status, and the exception when there is one. */
    public String outcome() {
        return exceptionType.isEmpty() ? status : status + " " + exceptionType + ": " + message;
    }
}
