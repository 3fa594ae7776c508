package io.pkgimage.core.training;

import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One training JVM to start; made with {@link #builder}.
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
 */
public record TrainingRun(
        Jdk jdk,
        List<Path> classpath,
        Optional<String> mainClass,
        List<String> mainArguments,
        List<String> testClasses,
        List<String> loadClasses,
        List<String> includeTags,
        List<String> excludeTags,
        Optional<String> methods,
        Map<String, String> configurationParameters,
        Map<String, String> systemProperties,
        List<String> jvmArguments,
        Map<String, String> environment,
        Path workingDirectory,
        Path workDirectory,
        Duration timeout) {

    public TrainingRun {
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(timeout, "timeout");
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

    /**
     * A builder of a run on {@code jdk} that writes into {@code workDirectory}. Unless set: an empty class path; no
     * main class, test classes or classes to load; no tags or method patterns; no configuration parameters, system
     * properties, JVM options or environment variables; the working directory of this JVM; 30 minutes.
     */
    public static Builder builder(Jdk jdk, Path workDirectory) {
        return new Builder(jdk, workDirectory);
    }

    /** This run as a builder, to change some of it. */
    public Builder toBuilder() {
        return new Builder(jdk, workDirectory)
                .classpath(classpath)
                .mainClass(mainClass)
                .mainArguments(mainArguments)
                .testClasses(testClasses)
                .loadClasses(loadClasses)
                .includeTags(includeTags)
                .excludeTags(excludeTags)
                .methods(methods)
                .configurationParameters(configurationParameters)
                .systemProperties(systemProperties)
                .jvmArguments(jvmArguments)
                .environment(environment)
                .workingDirectory(workingDirectory)
                .timeout(timeout);
    }

    /** What the child does: {@code main}, {@code tests}, or {@code classes} (loads them). */
    public String mode() {
        return mainClass.isPresent() ? "main" : testClasses.isEmpty() ? "classes" : "tests";
    }

    /** The builder of a {@link TrainingRun}. */
    public static final class Builder {
        private final Jdk jdk;
        private final Path workDirectory;
        private List<Path> classpath = List.of();
        private Optional<String> mainClass = Optional.empty();
        private List<String> mainArguments = List.of();
        private List<String> testClasses = List.of();
        private List<String> loadClasses = List.of();
        private List<String> includeTags = List.of();
        private List<String> excludeTags = List.of();
        private Optional<String> methods = Optional.empty();
        private Map<String, String> configurationParameters = Map.of();
        private Map<String, String> systemProperties = Map.of();
        private List<String> jvmArguments = List.of();
        private Map<String, String> environment = Map.of();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Duration timeout = Duration.ofMinutes(30);

        private Builder(Jdk jdk, Path workDirectory) {
            this.jdk = jdk;
            this.workDirectory = workDirectory;
        }

        public Builder classpath(List<Path> classpath) {
            this.classpath = classpath;
            return this;
        }

        public Builder mainClass(Optional<String> mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        public Builder mainArguments(List<String> mainArguments) {
            this.mainArguments = mainArguments;
            return this;
        }

        public Builder testClasses(List<String> testClasses) {
            this.testClasses = testClasses;
            return this;
        }

        public Builder loadClasses(List<String> loadClasses) {
            this.loadClasses = loadClasses;
            return this;
        }

        public Builder includeTags(List<String> includeTags) {
            this.includeTags = includeTags;
            return this;
        }

        public Builder excludeTags(List<String> excludeTags) {
            this.excludeTags = excludeTags;
            return this;
        }

        public Builder methods(Optional<String> methods) {
            this.methods = methods;
            return this;
        }

        public Builder configurationParameters(Map<String, String> configurationParameters) {
            this.configurationParameters = configurationParameters;
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

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The run. */
        public TrainingRun build() {
            return new TrainingRun(
                    jdk,
                    classpath,
                    mainClass,
                    mainArguments,
                    testClasses,
                    loadClasses,
                    includeTags,
                    excludeTags,
                    methods,
                    configurationParameters,
                    systemProperties,
                    jvmArguments,
                    environment,
                    workingDirectory,
                    workDirectory,
                    timeout);
        }
    }
}
