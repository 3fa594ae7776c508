/**
 * Running a pair of child JVMs, plain and imaged: the imaged JVMs' archive, the pair in the background with its logs
 * followed, and what its end tells: a crash or timeout, and the proof that the images were in effect.
 *
 * <p>Internal to the harness: public only for its other packages, not API.
 */
package io.pkgimage.junit.run;
