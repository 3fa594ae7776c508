/**
 * The harness's configuration, read and checked before anything runs, and the link requests made from it.
 *
 * <p>Internal to the harness: public only for its other packages, not API.
 */
package io.pkgimage.junit.settings;
