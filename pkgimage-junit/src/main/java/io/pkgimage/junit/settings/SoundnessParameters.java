package io.pkgimage.junit.settings;

/**
 * The keys of the configuration parameters that {@link SoundnessSettings} reads; the annotation {@code ImageSoundness}
 * publishes them, with their meaning and defaults.
 */
public final class SoundnessParameters {
    /** The key of the image files. */
    public static final String IMAGES = "pkgimage.soundness.images";
    /** The key of the children's JDK. */
    public static final String JDK = "pkgimage.soundness.jdk";
    /** The key of the seconds per test class. */
    public static final String TIMEOUT = "pkgimage.soundness.timeout";
    /** The key of the work folder. */
    public static final String WORK_DIRECTORY = "pkgimage.soundness.workDirectory";
    /** The key of whether a pair's JVMs run side by side. */
    public static final String CONCURRENT = "pkgimage.soundness.concurrent";
    /** The key of the classes that run alone. */
    public static final String ISOLATED = "pkgimage.soundness.isolated";
    /** The key of whether the test infrastructure is archived too. */
    public static final String SHARED_INFRASTRUCTURE = "pkgimage.soundness.sharedInfrastructure";
    /** The key of the folder of proven archives, shared by runs. */
    public static final String CACHE_DIRECTORY = "pkgimage.soundness.cacheDirectory";
    /** The key of the children's extra JVM options. */
    public static final String CHILD_JVM_OPTIONS = "pkgimage.soundness.childJvmOptions";

    private SoundnessParameters() {}
}
