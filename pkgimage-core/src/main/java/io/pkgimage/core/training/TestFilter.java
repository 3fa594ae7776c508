package io.pkgimage.core.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tests of the test classes the training child runs: JUnit tag expressions, as Surefire's {@code groups} and
 * {@code excludedGroups} filter, and Surefire's method patterns, applied as its JUnit Platform provider applies them.
 *
 * @param includeTags tag expressions to include (Surefire's {@code groups}), empty for all
 * @param excludeTags tag expressions to exclude (Surefire's {@code excludedGroups})
 * @param methods Surefire's method patterns ({@code Class#method}, {@code !Class#method}) as one Surefire parameter
 *     value; empty for all methods
 */
public record TestFilter(List<String> includeTags, List<String> excludeTags, Optional<String> methods) {

    public TestFilter {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        Objects.requireNonNull(methods, "methods");
    }

    /** No filter: every test of the test classes runs. */
    public static TestFilter none() {
        return new TestFilter(List.of(), List.of(), Optional.empty());
    }
}
