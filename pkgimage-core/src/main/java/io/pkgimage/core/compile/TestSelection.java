package io.pkgimage.core.compile;

import io.pkgimage.core.training.TestFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.surefire.api.testset.TestListResolver;

/**
 * Which tests run, by Surefire's own rules: its {@code TestListResolver} matches the include and exclude patterns
 * (Ant-style, {@code %regex[...]}, {@code !} negations, {@code Class#method}) against the class files of the
 * test-classes folder, and the method patterns go to the training child, which applies them as Surefire's JUnit
 * Platform provider does; JUnit tag expressions filter as Surefire's {@code groups} do.
 *
 * @param includes include patterns, as Surefire resolved them ({@code test} when set, else {@code includes} and the
 *     includes file, else the defaults)
 * @param excludes exclude patterns, likewise
 * @param methods the patterns that select methods ({@code test}, or the lines of the includes and excludes files), as
 *     one Surefire parameter value; empty when none names a method
 * @param includeTags tag expressions to include (Surefire's {@code groups})
 * @param excludeTags tag expressions to exclude (Surefire's {@code excludedGroups})
 */
public record TestSelection(
        List<String> includes,
        List<String> excludes,
        Optional<String> methods,
        List<String> includeTags,
        List<String> excludeTags) {
    /** Surefire's default includes. */
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Failsafe's default includes. */
    public static final List<String> FAILSAFE_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
    /** Surefire's default excludes: nested and anonymous classes. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    public TestSelection {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        new TestListResolver(includes, excludes); // refuses what Surefire refuses, such as '!' in an exclude
        methods.ifPresent(TestListResolver::new);
    }

    /** Surefire's defaults, no tags. */
    public static TestSelection defaults() {
        return new TestSelection(DEFAULT_INCLUDES, DEFAULT_EXCLUDES, Optional.empty(), List.of(), List.of());
    }

    /** The method patterns of these include and exclude patterns as one Surefire parameter value, if any names one. */
    public static Optional<String> methodsOf(List<String> includes, List<String> excludes) {
        TestListResolver resolver = new TestListResolver(includes, excludes);
        return resolver.hasMethodPatterns() ? Optional.of(resolver.getPluginParameterTest()) : Optional.empty();
    }

    /** What of this selection the training child applies: the tag expressions and the method patterns. */
    public TestFilter filter() {
        return new TestFilter(includeTags, excludeTags, methods);
    }

    /** The binary names of the test classes below {@code testClasses} that this selection runs, sorted. */
    public List<String> testClasses(Path testClasses) {
        if (!Files.isDirectory(testClasses)) {
            return List.of();
        }
        TestListResolver scan = new TestListResolver(includes, excludes);
        List<String> selected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> testClasses.relativize(f).toString().replace('\\', '/'))
                    .filter(resource -> scan.shouldRun(resource, null))
                    .forEach(resource -> selected.add(resource.substring(0, resource.length() - ".class".length())
                            .replace('/', '.')));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list test classes in '" + testClasses + "': " + e, e);
        }
        selected.sort(null);
        return selected;
    }
}
