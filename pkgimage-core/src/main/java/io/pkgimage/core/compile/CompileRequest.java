package io.pkgimage.core.compile;

import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.DependencyImage;
import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that compiling one package's image needs; every field is an input of the up-to-date check.
 *
 * @param workload what the training JVM runs, and which part of the image it fills
 * @param coordinates the package
 * @param jdk the target JDK, which trains the image
 * @param classesDirectory the package's compiled classes ({@code target/classes})
 * @param testClassesDirectory the package's compiled tests ({@code target/test-classes}); empty when its tests cannot
 *     run on the JUnit Platform (the package's classes are then loaded instead), and for a main class
 * @param dependencies the rest of the test (or, for a main class, runtime) class path in order: runtime dependencies as {@link
 *     ClasspathEntry.Role#DEPENDENCY}, test-only ones as {@link ClasspathEntry.Role#TEST}
 * @param harness extra jars the training child needs that the test class path lacks (the JUnit Launcher)
 * @param selection which tests run
 * @param systemProperties system properties for the tests
 * @param jvmArguments JVM options for the tests (Surefire's {@code argLine}, already split)
 * @param environment environment variables for the tests
 * @param configurationParameters JUnit Platform configuration parameters
 * @param workingDirectory the tests' working directory (the module's base folder)
 * @param timeout how long the training JVM may run
 * @param hotMethods whether to record which of the package's methods the JIT compiled
 * @param failOnTrainingFailure whether failing tests fail the compile
 * @param dependencyImages images of dependencies that were found, recorded in the image
 * @param imageFile where the image goes
 * @param workDirectory scratch space (classes jar, classlist, logs)
 * @param toolVersion the version of pkgimage itself, so an upgrade retrains
 */
public record CompileRequest(
        Workload workload,
        Coordinates coordinates,
        Jdk jdk,
        Path classesDirectory,
        Optional<Path> testClassesDirectory,
        List<ClasspathEntry> dependencies,
        List<Path> harness,
        TestSelection selection,
        Map<String, String> systemProperties,
        List<String> jvmArguments,
        Map<String, String> environment,
        Map<String, String> configurationParameters,
        Path workingDirectory,
        Duration timeout,
        boolean hotMethods,
        boolean failOnTrainingFailure,
        List<DependencyImage> dependencyImages,
        Path imageFile,
        Path workDirectory,
        String toolVersion) {

    public CompileRequest {
        dependencies = List.copyOf(dependencies);
        harness = List.copyOf(harness);
        systemProperties = Map.copyOf(systemProperties);
        jvmArguments = List.copyOf(jvmArguments);
        environment = Map.copyOf(environment);
        configurationParameters = Map.copyOf(configurationParameters);
        dependencyImages = List.copyOf(dependencyImages);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The training timeout must be positive, not " + timeout);
        }
    }
}
