package io.pkgimage.core.image;

/**
 * The JVM that ran the training: archives are only valid for the same feature release, GC and heap layout.
 *
 * @param vendor the JDK vendor
 * @param runtimeVersion the full JDK build
 * @param feature the feature release
 * @param gc the garbage collector, for example {@code G1}
 * @param compressedOops whether compressed object pointers were on
 */
public record TrainedOn(String vendor, String runtimeVersion, int feature, String gc, boolean compressedOops) {}
