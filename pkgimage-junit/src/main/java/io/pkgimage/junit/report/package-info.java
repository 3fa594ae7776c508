/**
 * Reporting: each test's verdict to the launcher as its result, the run's report files, and its progress.
 *
 * <p>Internal to the harness: public only for its other packages, not API.
 */
package io.pkgimage.junit.report;
