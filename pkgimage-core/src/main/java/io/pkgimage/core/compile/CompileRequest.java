package io.pkgimage.core.compile;

import io.pkgimage.core.PkgImageVersion;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that compiling one part of a package's image needs; made with {@link #builder}. The fields that shape the
 * image are the inputs of the up-to-date check; the timeout, the working directory and the files written are not.
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
 * @param failOnTrainingFailure whether failing tests fail the compile
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
        boolean failOnTrainingFailure,
        Path imageFile,
        Path workDirectory,
        String toolVersion) {

    public CompileRequest {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        Objects.requireNonNull(testClassesDirectory, "testClassesDirectory");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(imageFile, "imageFile");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(toolVersion, "toolVersion");
        dependencies = List.copyOf(dependencies);
        harness = List.copyOf(harness);
        systemProperties = Map.copyOf(systemProperties);
        jvmArguments = List.copyOf(jvmArguments);
        environment = Map.copyOf(environment);
        configurationParameters = Map.copyOf(configurationParameters);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The training timeout must be positive, not " + timeout);
        }
    }

    /**
     * A builder of the request to run {@code workload} for the package {@code coordinates} on {@code jdk}. The package's
     * classes ({@link Builder#classesDirectory}), the image file ({@link Builder#imageFile}) and the scratch space
     * ({@link Builder#workDirectory}) have no default and must be set. Unless set: no test classes (the package's
     * classes are loaded), dependencies or harness; Surefire's default selection ({@link TestSelection#defaults()});
     * no system properties, JVM options, environment variables or configuration parameters; the working directory of
     * this JVM; 30 minutes for the training JVM; failing tests do not fail the compile; this pkgimage's version.
     */
    public static Builder builder(Workload workload, Coordinates coordinates, Jdk jdk) {
        return new Builder(workload, coordinates, jdk);
    }

    /** This request as a builder, to change some of it. */
    public Builder toBuilder() {
        return new Builder(workload, coordinates, jdk)
                .classesDirectory(classesDirectory)
                .testClassesDirectory(testClassesDirectory)
                .dependencies(dependencies)
                .harness(harness)
                .selection(selection)
                .systemProperties(systemProperties)
                .jvmArguments(jvmArguments)
                .environment(environment)
                .configurationParameters(configurationParameters)
                .workingDirectory(workingDirectory)
                .timeout(timeout)
                .failOnTrainingFailure(failOnTrainingFailure)
                .imageFile(imageFile)
                .workDirectory(workDirectory)
                .toolVersion(toolVersion);
    }

    /** The builder of a {@link CompileRequest}. */
    public static final class Builder {
        private Workload workload;
        private final Coordinates coordinates;
        private final Jdk jdk;
        private Path classesDirectory;
        private Optional<Path> testClassesDirectory = Optional.empty();
        private List<ClasspathEntry> dependencies = List.of();
        private List<Path> harness = List.of();
        private TestSelection selection = TestSelection.defaults();
        private Map<String, String> systemProperties = Map.of();
        private List<String> jvmArguments = List.of();
        private Map<String, String> environment = Map.of();
        private Map<String, String> configurationParameters = Map.of();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Duration timeout = Duration.ofMinutes(30);
        private boolean failOnTrainingFailure;
        private Path imageFile;
        private Path workDirectory;
        private String toolVersion = PkgImageVersion.forKeys();

        private Builder(Workload workload, Coordinates coordinates, Jdk jdk) {
            this.workload = workload;
            this.coordinates = coordinates;
            this.jdk = jdk;
        }

        public Builder workload(Workload workload) {
            this.workload = workload;
            return this;
        }

        public Builder classesDirectory(Path classesDirectory) {
            this.classesDirectory = classesDirectory;
            return this;
        }

        public Builder testClassesDirectory(Optional<Path> testClassesDirectory) {
            this.testClassesDirectory = testClassesDirectory;
            return this;
        }

        public Builder dependencies(List<ClasspathEntry> dependencies) {
            this.dependencies = dependencies;
            return this;
        }

        public Builder harness(List<Path> harness) {
            this.harness = harness;
            return this;
        }

        public Builder selection(TestSelection selection) {
            this.selection = selection;
            return this;
        }

        public Builder systemProperties(Map<String, String> systemProperties) {
            this.systemProperties = systemProperties;
            return this;
        }

        public Builder jvmArguments(List<String> jvmArguments) {
            this.jvmArguments = jvmArguments;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder configurationParameters(Map<String, String> configurationParameters) {
            this.configurationParameters = configurationParameters;
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder failOnTrainingFailure(boolean failOnTrainingFailure) {
            this.failOnTrainingFailure = failOnTrainingFailure;
            return this;
        }

        public Builder imageFile(Path imageFile) {
            this.imageFile = imageFile;
            return this;
        }

        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = workDirectory;
            return this;
        }

        public Builder toolVersion(String toolVersion) {
            this.toolVersion = toolVersion;
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalStateException if the classes directory, the image file or the work directory is not set
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public CompileRequest build() {
            List<String> unset = new ArrayList<>();
            if (classesDirectory == null) {
                unset.add("classesDirectory");
            }
            if (imageFile == null) {
                unset.add("imageFile");
            }
            if (workDirectory == null) {
                unset.add("workDirectory");
            }
            if (!unset.isEmpty()) {
                throw new IllegalStateException("A compile request of " + coordinates + " needs " + unset
                        + ", which have no default; set them on the builder");
            }
            return new CompileRequest(
                    workload,
                    coordinates,
                    jdk,
                    classesDirectory,
                    testClassesDirectory,
                    dependencies,
                    harness,
                    selection,
                    systemProperties,
                    jvmArguments,
                    environment,
                    configurationParameters,
                    workingDirectory,
                    timeout,
                    failOnTrainingFailure,
                    imageFile,
                    workDirectory,
                    toolVersion);
        }
    }
}
