/**
 * Planning a run: the test classes in batches, and what each child JVM is told to run.
 *
 * <p>Internal to the harness: public only for its other packages, not API.
 */
package io.pkgimage.junit.plan;
