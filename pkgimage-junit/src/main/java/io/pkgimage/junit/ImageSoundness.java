package io.pkgimage.junit;

import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.junit.settings.SoundnessParameters;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Judges the annotated test class (or method) plain vs imaged: its tests run once in a plain JVM and once in a JVM
 * with the package images of the class path linked and mapped, and every test's result (status, exception, and the
 * values it records through an {@link Observations} parameter) is compared. The {@code pkgimage-soundness} test
 * engine does the work for every JUnit Platform engine (Jupiter, Vintage, ...); this annotation opts single Jupiter
 * classes in, and {@value #ALL}{@code =true} opts in every test of the test run.
 *
 * <p>Test classes run in batches, the way Surefire runs a suite: each batch in one plain and one imaged JVM, in the
 * same order in both, one batch per pair of JVMs that run at once. A test is {@code SOUND} when both agree. A test that differs is run again alone in a fresh pair
 * of JVMs: the same difference is an {@code IMAGE_DIVERGENCE} (a failure, both sides shown), no difference means it
 * depends on what ran before it ({@code ORDER_DEPENDENT}, aborted), another difference means it is {@code FLAKY}
 * (aborted). A test that fails plain fails as it would without the harness ({@code UNSOUND_TEST}). The imaged JVM
 * must show that classes of the images came from the archive, or the batch's tests fail ({@code
 * IMAGE_NOT_IN_EFFECT}).
 *
 * <p>Configuration parameters (Surefire's {@code <properties><configurationParameters>}, {@code
 * junit-platform.properties}, or system properties):
 *
 * <ul>
 *   <li>{@value #ALL}: {@code true} judges every test of the test run, of any engine;
 *   <li>{@value #IMAGES}: comma-separated image files; by default the {@code *-pkgimage.jar} next to each jar of the
 *       class path and in the folder above each class folder ({@code target/});
 *   <li>{@value #JDK}: the JDK home (or feature release) of the child JVMs; by default the JDK running the tests;
 *   <li>{@value #TIMEOUT}: seconds one test class may run in a child JVM, default 600;
 *   <li>{@value #WORK_DIRECTORY}: where the link, the child logs, the class durations and the reports go, default
 *       {@code target/pkgimage/soundness};
 *   <li>{@value #CONCURRENT}: {@code true} (default) runs a batch's plain and imaged JVMs at the same time, and one
 *       pair per two cores; {@code false} runs them one after the other, for tests that measure time;
 *   <li>{@value #ISOLATED}: comma-separated names of test classes ({@code *} for any characters) that get a pair of
 *       JVMs of their own, as {@link #isolated()} does for one class;
 *   <li>{@value #SHARED_INFRASTRUCTURE}: {@code true} adds to the imaged JVM's archive the test infrastructure,
 *       recorded by a probe JVM: JUnit, the test libraries and the JDK classes they use, but no class of the images
 *       nor any class that refers to one; {@code false} (default) archives the images alone. The plain JVM is
 *       Surefire's either way: the test class path as the test JVM has it, with the JDK's default archive, started
 *       while the images are linked;
 *   <li>{@value #CHILD_JVM_OPTIONS}: JVM options that both JVMs get besides the test JVM's own, separated by spaces;
 *       none by default. Unless these or the test JVM's options choose the JIT, the children of a suite whose own
 *       image trained in less than 20 s stop at C1 ({@code -XX:TieredStopAtLevel=1}): on two cores a short suite run
 *       twice at once spends its time compiling with C2;
 *   <li>{@value #CACHE_DIRECTORY}: the folder of proven archives that runs of the same inputs share, default {@code
 *       ~/.cache/pkgimage/archives} (a CI that keeps it between builds skips the dump).
 * </ul>
 *
 * <p>Usable on classes, on single test methods (only those methods are judged; the class's other tests run as usual),
 * and as a meta-annotation; it is inherited by subclasses.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ImageSoundnessExtension.class)
public @interface ImageSoundness {
    /** Judges every test of the test run. */
    String ALL = "pkgimage.soundness.all";
    /** Image files to link, comma-separated. */
    String IMAGES = SoundnessParameters.IMAGES;
    /** The JDK of the child JVMs. */
    String JDK = SoundnessParameters.JDK;
    /** Seconds a test class may run in a child JVM. */
    String TIMEOUT = SoundnessParameters.TIMEOUT;
    /** Where the link, the child logs, the class durations and the reports go. */
    String WORK_DIRECTORY = SoundnessParameters.WORK_DIRECTORY;
    /** Whether a batch's plain and imaged JVMs run at the same time. */
    String CONCURRENT = SoundnessParameters.CONCURRENT;
    /** Test classes that get a pair of JVMs of their own. */
    String ISOLATED = SoundnessParameters.ISOLATED;
    /** Whether the imaged JVM's archive holds the test infrastructure too. */
    String SHARED_INFRASTRUCTURE = SoundnessParameters.SHARED_INFRASTRUCTURE;
    /** JVM options that both child JVMs get besides the test JVM's own. */
    String CHILD_JVM_OPTIONS = SoundnessParameters.CHILD_JVM_OPTIONS;
    /** The folder of proven archives, shared by runs. */
    String CACHE_DIRECTORY = SoundnessParameters.CACHE_DIRECTORY;
    /** Set in the child JVMs where pkgimage runs tests (training, soundness runs): the harness stays out there. */
    String CHILD = ForkedJvm.CHILD_PARAMETER;

    /**
     * Whether the class runs in a pair of JVMs of its own rather than in a batch with other classes, for a class that
     * needs a fresh JVM (static state it does not reset, a first call it measures).
     */
    boolean isolated() default false;
}
