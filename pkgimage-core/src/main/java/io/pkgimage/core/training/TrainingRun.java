package io.pkgimage.core.training;

import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.util.List;
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
 * @param filter which tests of {@code testClasses} run
 * @param jvm how the child runs: its system properties, JVM options, environment, JUnit configuration parameters,
 *     working directory and timeout
 * @param workDirectory where the classlist, logs and results are written
 */
public record TrainingRun(
        Jdk jdk,
        List<Path> classpath,
        Optional<String> mainClass,
        List<String> mainArguments,
        List<String> testClasses,
        List<String> loadClasses,
        TestFilter filter,
        TrainingJvm jvm,
        Path workDirectory) {

    public TrainingRun {
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(workDirectory, "workDirectory");
        classpath = List.copyOf(classpath);
        mainArguments = List.copyOf(mainArguments);
        testClasses = List.copyOf(testClasses);
        loadClasses = List.copyOf(loadClasses);
    }

    /**
     * A builder of a run on {@code jdk} that writes into {@code workDirectory}. Unless set: an empty class path; no
     * main class, test classes or classes to load; no filter ({@link TestFilter#none()}); the JVM's defaults
     * ({@link TrainingJvm#defaults()}).
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
                .filter(filter)
                .jvm(jvm);
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
        private TestFilter filter = TestFilter.none();
        private TrainingJvm jvm = TrainingJvm.defaults();

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

        public Builder filter(TestFilter filter) {
            this.filter = filter;
            return this;
        }

        public Builder jvm(TrainingJvm jvm) {
            this.jvm = jvm;
            return this;
        }

        /** The run. */
        public TrainingRun build() {
            return new TrainingRun(
                    jdk, classpath, mainClass, mainArguments, testClasses, loadClasses, filter, jvm, workDirectory);
        }
    }
}
