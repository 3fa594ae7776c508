package io.pkgimage.core.compile;

import io.pkgimage.core.PkgImageVersion;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.training.TrainingJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that compiling one part of a package's image needs; made with {@link #builder}. The fields that shape the
 * image are the inputs of the up-to-date check; the training JVM's timeout and working directory and the files written
 * are not.
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
 * @param jvm how the training JVM runs: the tests' system properties, JVM options, environment, JUnit configuration
 *     parameters, working directory, and its timeout
 * @param failOnTrainingFailure whether failing tests fail the compile
 * @param imageFile where the image goes
 * @param workDirectory scratch space (classes jar, classlist, logs)
 * @param toolVersion the version of pkgimage itself, so an upgrade retrains
 * @param buildTestRun the build's own test run, whose recording trains the image when it holds for these inputs
 *     (not an input itself: the image is the same whichever JVMs ran the tests)
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
        TrainingJvm jvm,
        boolean failOnTrainingFailure,
        Path imageFile,
        Path workDirectory,
        String toolVersion,
        Optional<BuildTestRun> buildTestRun) {

    public CompileRequest {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        Objects.requireNonNull(testClassesDirectory, "testClassesDirectory");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(imageFile, "imageFile");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(buildTestRun, "buildTestRun");
        dependencies = List.copyOf(dependencies);
        harness = List.copyOf(harness);
    }

    /**
     * A builder of the request to run {@code workload} for the package {@code coordinates} on {@code jdk}. The package's
     * classes ({@link Builder#classesDirectory}), the image file ({@link Builder#imageFile}) and the scratch space
     * ({@link Builder#workDirectory}) have no default and must be set. Unless set: no test classes (the package's
     * classes are loaded), dependencies or harness; Surefire's default selection ({@link TestSelection#defaults()});
     * the training JVM's defaults ({@link TrainingJvm#defaults()}); failing tests do not fail the compile; this
     * pkgimage's version; no build test run (a training JVM runs the workload).
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
                .jvm(jvm)
                .failOnTrainingFailure(failOnTrainingFailure)
                .imageFile(imageFile)
                .workDirectory(workDirectory)
                .toolVersion(toolVersion)
                .buildTestRun(buildTestRun);
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
        private TrainingJvm jvm = TrainingJvm.defaults();
        private boolean failOnTrainingFailure;
        private Path imageFile;
        private Path workDirectory;
        private String toolVersion = PkgImageVersion.forKeys();
        private Optional<BuildTestRun> buildTestRun = Optional.empty();

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

        public Builder jvm(TrainingJvm jvm) {
            this.jvm = jvm;
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

        public Builder buildTestRun(Optional<BuildTestRun> buildTestRun) {
            this.buildTestRun = buildTestRun;
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalStateException if the classes directory, the image file or the work directory is not set
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
                    jvm,
                    failOnTrainingFailure,
                    imageFile,
                    workDirectory,
                    toolVersion,
                    buildTestRun);
        }
    }
}
