package io.pkgimage.junit;

import io.pkgimage.core.process.ForkedJvm;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class twice, each time in a fresh JVM: once plain and once with the package images of its
 * class path linked and mapped, and compares every test's result (status, exception, and the values it records
 * through an {@link Observations} parameter). A test passes when both agree ({@code SOUND}); it fails when they
 * differ ({@code IMAGE_DIVERGENCE}, with both sides shown, after a second run in both modes rules out a flaky test);
 * it is aborted when it fails plain too ({@code UNSOUND_TEST}), since it then says nothing about the image.
 *
 * <p>The imaged JVM must show that the archive was mapped and that classes of the images came from it; if not, every
 * test of the class fails. Configuration parameters (in {@code junit-platform.properties} or as system properties):
 *
 * <ul>
 *   <li>{@value #ALL}: {@code true} applies the harness to every test class, without the annotation, when extension
 *       auto-detection is on ({@code junit.jupiter.extensions.autodetection.enabled=true});
 *   <li>{@value #IMAGES}: comma-separated image files; by default the {@code *-pkgimage.jar} next to each jar of the
 *       class path and in the folder above each class folder ({@code target/});
 *   <li>{@value #JDK}: the JDK home of the child JVMs; by default the JDK running the tests;
 *   <li>{@value #TIMEOUT}: seconds a child JVM may run, default 600;
 *   <li>{@value #WORK_DIRECTORY}: where the link, the child logs and the reports go, default {@code
 *       target/pkgimage/soundness};
 *   <li>{@value #CONCURRENT}: {@code true} (default) runs a class's plain and imaged JVMs at the same time, which
 *       halves the harness's wall time on two cores or more; {@code false} runs them one after the other, for tests
 *       that measure time;
 *   <li>{@value #SHARED_INFRASTRUCTURE}: {@code true} (default) gives both JVMs an archive of the test
 *       infrastructure, recorded once per test run by a probe JVM: JUnit, the test libraries and the JDK classes they
 *       use, but no class of the images' packages nor any class that names one. Each JVM then starts about a quarter
 *       faster, and the images stay the only difference between the two; {@code false} starts the plain JVM with
 *       the JDK's default archive and the imaged one with the images alone;
 *   <li>{@value #CHILD_JVM_OPTIONS}: JVM options that both JVMs get besides the test JVM's own, separated by spaces;
 *       by default the JIT's top tier (C2) at ten times its usual thresholds ({@code -XX:Tier4InvocationThreshold=50000
 *       -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000}),
 *       which cuts the CPU time of a JVM that runs a small class by a third and leaves code that runs for long
 *       compiled as usual. Set it empty to run the children with the test JVM's JIT settings as they are.
 * </ul>
 *
 * <p>Usable on classes, on single test methods (the class still runs in the child JVMs, but only those methods are
 * compared), and as a meta-annotation; it is inherited by subclasses.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ImageSoundnessExtension.class)
public @interface ImageSoundness {
    /** Applies the harness to every test class found by auto-detection. */
    String ALL = "pkgimage.soundness.all";
    /** Image files to link, comma-separated. */
    String IMAGES = "pkgimage.soundness.images";
    /** The JDK home of the child JVMs. */
    String JDK = "pkgimage.soundness.jdk";
    /** Seconds a child JVM may run. */
    String TIMEOUT = "pkgimage.soundness.timeout";
    /** Where the link, the child logs and the reports go. */
    String WORK_DIRECTORY = "pkgimage.soundness.workDirectory";
    /** Whether a class's plain and imaged JVMs run at the same time. */
    String CONCURRENT = "pkgimage.soundness.concurrent";
    /** Whether both JVMs map an archive of the test infrastructure. */
    String SHARED_INFRASTRUCTURE = "pkgimage.soundness.sharedInfrastructure";
    /** JVM options that both child JVMs get besides the test JVM's own. */
    String CHILD_JVM_OPTIONS = "pkgimage.soundness.childJvmOptions";
    /** Set in the child JVMs where pkgimage runs tests (training, soundness runs): the harness stays out there. */
    String CHILD = ForkedJvm.CHILD_PARAMETER;
}
