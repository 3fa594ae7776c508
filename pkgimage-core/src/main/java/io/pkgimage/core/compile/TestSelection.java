package io.pkgimage.core.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which test classes run, with Surefire's rules: Ant-style {@code includes} and {@code excludes} (or {@code
 * %regex[...]}) matched against class files of the test-classes folder, plus JUnit tag expressions.
 *
 * @param includes include patterns; Surefire's defaults when empty
 * @param excludes exclude patterns; Surefire's default ({@code **}{@code /*$*}) when empty
 * @param includeTags tag expressions to include (Surefire's {@code groups})
 * @param excludeTags tag expressions to exclude (Surefire's {@code excludedGroups})
 */
public record TestSelection(
        List<String> includes, List<String> excludes, List<String> includeTags, List<String> excludeTags) {
    /** Surefire's default includes. */
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Failsafe's default includes. */
    public static final List<String> FAILSAFE_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
    /** Surefire's default excludes: nested and anonymous classes. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    public TestSelection {
        includes = List.copyOf(includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        excludes = List.copyOf(excludes.isEmpty() ? DEFAULT_EXCLUDES : excludes);
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
    }

    /** Surefire's defaults, no tags. */
    public static TestSelection defaults() {
        return new TestSelection(List.of(), List.of(), List.of(), List.of());
    }

    /** The binary names of the test classes below {@code testClasses} that this selection runs, sorted. */
    public List<String> testClasses(Path testClasses) {
        if (!Files.isDirectory(testClasses)) {
            return List.of();
        }
        List<Pattern> in = includes.stream().map(TestSelection::toRegex).toList();
        List<Pattern> out = excludes.stream().map(TestSelection::toRegex).toList();
        List<String> selected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> testClasses.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .forEach(resource -> {
                        if (in.stream().anyMatch(p -> p.matcher(resource).matches())
                                && out.stream()
                                        .noneMatch(p -> p.matcher(resource).matches())) {
                            selected.add(resource.substring(0, resource.length() - ".class".length())
                                    .replace('/', '.'));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list test classes in '" + testClasses + "': " + e, e);
        }
        selected.sort(null);
        return selected;
    }

    /** Turns a Surefire pattern (for {@code .java} or {@code .class} files) into a regex over class resources. */
    static Pattern toRegex(String pattern) {
        String p = pattern.trim();
        if (p.startsWith("%regex[") && p.endsWith("]")) {
            String regex = p.substring("%regex[".length(), p.length() - 1).replace(".java", ".class");
            return Pattern.compile(regex);
        }
        if (p.endsWith(".java")) {
            p = p.substring(0, p.length() - ".java".length()) + ".class";
        } else if (!p.endsWith(".class")) {
            p = p + ".class";
        }
        p = p.replace('\\', '/');
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                boolean slash = i + 2 < p.length() && p.charAt(i + 2) == '/';
                re.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
