/**
 * The tests of the other engines as the soundness engine shows them, and those engines.
 *
 * <p>Internal to the harness: public only for its other packages, not API.
 */
package io.pkgimage.junit.mirror;
