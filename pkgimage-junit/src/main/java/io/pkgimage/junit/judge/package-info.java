/**
 * Judging a test class by its pair's logs, with the tests that differ run again alone.
 *
 * <p>Internal to the harness: public only for its other packages, not API.
 */
package io.pkgimage.junit.judge;
