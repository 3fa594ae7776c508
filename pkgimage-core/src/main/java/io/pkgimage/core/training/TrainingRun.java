package io.pkgimage.core.training;

import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One training JVM to start.
 *
 * @param jdk the JDK that runs it (the target JDK)
 * @param classpath the child's class path, in order
 * @param mainClass a main class to run instead of tests, with {@code mainArguments}
 * @param mainArguments the main class's arguments
 * @param testClasses the test classes to run; when empty (and no main class), {@code loadClasses} are loaded
 * @param loadClasses classes to load without initialisation when there are no tests
 * @param includeTags JUnit tag expressions to include (Surefire's {@code groups}), empty for all
 * @param excludeTags JUnit tag expressions to exclude (Surefire's {@code excludedGroups})
 * @param methods Surefire's method patterns ({@code Class#method}, {@code !Class#method}) that filter the tests' methods
 * @param configurationParameters JUnit Platform configuration parameters
 * @param systemProperties system properties of the child
 * @param jvmArguments further JVM options (Surefire's {@code argLine})
 * @param environment environment variables added to the child's
 * @param workingDirectory the child's working directory
 * @param workDirectory where the classlist, logs and results are written
 * @param timeout how long the child may run
 * @param recordCompilations whether to log JIT compilations to find hot methods
 */
public record TrainingRun(
        Jdk jdk,
        List<Path> classpath,
        java.util.Optional<String> mainClass,
        List<String> mainArguments,
        List<String> testClasses,
        List<String> loadClasses,
        List<String> includeTags,
        List<String> excludeTags,
        java.util.Optional<String> methods,
        Map<String, String> configurationParameters,
        Map<String, String> systemProperties,
        List<String> jvmArguments,
        Map<String, String> environment,
        Path workingDirectory,
        Path workDirectory,
        Duration timeout,
        boolean recordCompilations) {

    public TrainingRun {
        classpath = List.copyOf(classpath);
        mainArguments = List.copyOf(mainArguments);
        testClasses = List.copyOf(testClasses);
        loadClasses = List.copyOf(loadClasses);
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        configurationParameters = Map.copyOf(configurationParameters);
        systemProperties = Map.copyOf(systemProperties);
        jvmArguments = List.copyOf(jvmArguments);
        environment = Map.copyOf(environment);
    }

    /** What the child does: {@code main}, {@code tests}, or {@code classes} (loads them). */
    public String mode() {
        return mainClass.isPresent() ? "main" : testClasses.isEmpty() ? "classes" : "tests";
    }
}
