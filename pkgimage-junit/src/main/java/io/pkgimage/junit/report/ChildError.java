package io.pkgimage.junit.report;

/** An error (not an assertion) that a test threw in a child JVM, as the test JVM shows it. */
final class ChildError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChildError(String message) {
        super(message);
    }
}
