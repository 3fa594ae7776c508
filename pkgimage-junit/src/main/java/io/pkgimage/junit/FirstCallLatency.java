package io.pkgimage.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that guards a package's first-call latency: it runs the named JMH benchmark in fresh JVMs, one call each
 * ({@code SingleShotTime}), plain and with the package images of the test class path linked and mapped
 * ({@code -Xshare:on}, so a JVM that cannot map the archive fails instead of being measured as plain), {@link
 * #forks()} times each, interleaved; it fails when the median imaged time over the median plain time is above {@link
 * #maxRatio()}, with the ratio, its spread and the threshold. A ratio above the threshold is measured again with as
 * many forks, and the ratio over all of them decides: a noisy batch does not fail the build, a regression does. Only
 * ratios measured side by side are compared, never absolute times.
 *
 * <pre>{@code
 * @FirstCallLatency(benchmark = "com.acme.FirstCallBenchmarks.parseOrder", maxRatio = 0.5)
 * void parseOrderStartsWarm() {}
 * }</pre>
 *
 * <p>The benchmark is an ordinary JMH {@code @Benchmark} method in the test sources (with {@code
 * jmh-generator-annprocess} as an annotation processor and {@code jmh-core} as a test dependency). Images, JDK, timeout
 * and work folder are configured as for {@link ImageSoundness}. The annotated method is a test of its own and runs after
 * the measurement; it may be empty.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(FirstCallLatencyExtension.class)
public @interface FirstCallLatency {
    /** The benchmark's full name, {@code package.Class.method}. */
    String benchmark();

    /** The highest imaged/plain ratio of the medians that passes; above it the test fails. */
    double maxRatio() default 0.5;

    /** Fresh JVMs per configuration. */
    int forks() default 10;
}
