package io.pkgimage.maven;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.compile.BuildTestRun;
import io.pkgimage.core.compile.CompileRequest;
import io.pkgimage.core.compile.CompileResult;
import io.pkgimage.core.compile.ImageCompiler;
import io.pkgimage.core.compile.Workload;
import io.pkgimage.core.image.ImagePart;
import io.pkgimage.core.image.TrainingSummary;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.training.TestJvmRecording;
import io.pkgimage.core.training.TrainingException;
import io.pkgimage.core.training.TrainingFailuresException;
import io.pkgimage.core.training.TrainingJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * What the goals that run a workload of the module in a training JVM share ({@code compile}, {@code record}): the
 * class path and its images, the JUnit Launcher, the request to core, and attaching the image, which holds one part
 * per workload.
 */
abstract class AbstractTrainingMojo extends AbstractPkgImageMojo {
    private static final String PLATFORM_GROUP = "org.junit.platform";

    private final MavenProjectHelper projectHelper;

    /**
     * Makes a failing workload fail the build: failing tests during training, or a recorded main class that throws
     * or exits with a non-zero code. By default the image is built from what ran and the failures are listed as a
     * warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.failOnTrainingFailure", defaultValue = "false")
    private boolean failOnTrainingFailure;

    /**
     * How long the training JVM may run, in seconds, before it is stopped and the goal fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.timeout", defaultValue = "1800")
    private int timeout;

    /**
     * Where the image is written.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    AbstractTrainingMojo(
            MavenProjectHelper projectHelper, ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
        this.projectHelper = projectHelper;
    }

    /**
     * How the workload runs.
     *
     * @param settings Surefire's or Failsafe's settings for tests; for a main class its JVM options alone
     * @param testClasspath whether the workload runs on the test class path (tests), or the runtime one (a main)
     * @param recordedBy the plugin whose test JVMs may have recorded the workload ({@code pkgimage:prepare}), so that
     *     it need not run again
     */
    record Run(
            Workload workload,
            SurefireSettings settings,
            boolean testClasspath,
            Path workDirectory,
            Optional<SurefireSettings.Kind> recordedBy) {}

    /** Trains {@code run} and writes its part of the module's image, attached to the project. */
    CompileResult train(Run run) throws MojoExecutionException, MojoFailureException {
        SurefireSettings settings = run.settings();
        if (!settings.unresolved().isEmpty()) {
            getLog().warn("Left out of the training argLine, as they have no value: " + settings.unresolved());
        }
        // pkgimage:prepare's own options are left out silently: a training JVM records into its own folder
        List<String> leftOut = settings.leftOut().stream()
                .filter(o -> !TestJvmRecording.isRecordingOption(o))
                .toList();
        if (!leftOut.isEmpty()) {
            getLog().info("Training leaves out of the argLine " + leftOut + ": a coverage agent would count"
                    + " the training run as tests and write to the build's coverage data, and training records what"
                    + " a JVM loads, with no archive but the JDK's.");
        }
        CompileRequest request = request(run);
        CompileResult result;
        try {
            result = ImageCompiler.compile(request, progress());
        } catch (TrainingFailuresException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (TrainingException e) {
            throw new MojoExecutionException(
                    "Running the " + run.workload().part() + " workload of " + project.getArtifactId() + " failed: "
                            + e.getMessage(),
                    e);
        } catch (PkgImageException | java.io.UncheckedIOException e) {
            throw new MojoExecutionException(
                    "Compiling the image of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        }
        boolean trainedHere = !result.upToDate()
                && result.image()
                        .part(run.workload().part())
                        .map(part -> part.summary().origin().equals(TrainingSummary.TRAINING))
                        .orElse(false);
        if (trainedHere && !settings.notHonoured().isEmpty()) {
            // the build's own test JVMs follow them all; only a training JVM of pkgimage's runs the tests in one JVM
            getLog().info((run.workload().part().equals(ImagePart.TESTS) ? "Training" : "Recording")
                    + " does not follow these "
                    + run.recordedBy().map(SurefireSettings.Kind::plugin).orElse("Surefire")
                    + " settings of " + project.getArtifactId() + ": " + String.join(", ", settings.notHonoured())
                    + " (it runs the selected tests in one JVM).");
        }
        File image = result.imageFile().toFile();
        boolean attached = project.getAttachedArtifacts().stream()
                .anyMatch(a -> ImageArtifacts.CLASSIFIER.equals(a.getClassifier()));
        if (!attached) {
            projectHelper.attachArtifact(project, "jar", ImageArtifacts.CLASSIFIER, image);
        }
        return result;
    }

    /** The folder that the test JVMs of {@code kind} record into, for the image. */
    Path recordingFolder(SurefireSettings.Kind kind) {
        return Path.of(project.getBuild().getDirectory(), "pkgimage", "recording", kind.prefix);
    }

    /** The request to core that trains {@code run}: the class path and its images, the JUnit Launcher, the JVM. */
    CompileRequest request(Run run) throws MojoExecutionException {
        if (timeout <= 0) {
            throw new MojoExecutionException(
                    "<timeout> (property pkgimage.timeout) must be a positive number of seconds, not " + timeout);
        }
        Jdk target = targetJdk();
        SurefireSettings settings = run.settings();
        List<ClasspathEntry> dependencies = new ArrayList<>();
        Optional<Artifact> launcher = Optional.empty();
        Optional<Artifact> engine = Optional.empty();
        for (Artifact a : project.getArtifacts()) {
            if (a.getFile() == null || !a.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            boolean testScope = Artifact.SCOPE_TEST.equals(a.getScope());
            if (!run.testClasspath() && (testScope || Artifact.SCOPE_PROVIDED.equals(a.getScope()))) {
                continue; // a main class runs on the runtime class path, as pkgimage:run runs it
            }
            if (PLATFORM_GROUP.equals(a.getGroupId()) && "junit-platform-launcher".equals(a.getArtifactId())) {
                launcher = Optional.of(a);
            }
            if (PLATFORM_GROUP.equals(a.getGroupId()) && "junit-platform-engine".equals(a.getArtifactId())) {
                engine = Optional.of(a);
            }
            if (testScope) {
                dependencies.add(ClasspathEntry.test(a.getFile().toPath()));
            } else {
                dependencies.add(ClasspathEntry.dependency(a.getFile().toPath(), ImageArtifacts.coordinates(a)));
            }
        }
        List<Path> harness = new ArrayList<>();
        Optional<Path> testClasses = run.testClasspath()
                ? Optional.of(Path.of(project.getBuild().getTestOutputDirectory()))
                : Optional.empty();
        if (run.workload().runsTests() && engine.isEmpty()) {
            if (hasTestClasses()) {
                getLog().warn("No JUnit Platform engine (junit-platform-engine) on the test class path of "
                        + project.getArtifactId() + ", so its tests cannot train the image; the image holds its"
                        + " classes loaded without initialisation. JUnit 4 tests need org.junit.vintage:"
                        + "junit-vintage-engine as a test dependency; TestNG is not supported.");
            }
            testClasses = Optional.empty();
        } else if (run.workload().runsTests() && launcher.isEmpty()) {
            harness.add(resolveLauncher(engine.get().getBaseVersion()));
        }

        return CompileRequest.builder(run.workload(), ImageArtifacts.coordinates(project.getArtifact()), target)
                .classesDirectory(Path.of(project.getBuild().getOutputDirectory()))
                .testClassesDirectory(testClasses)
                .dependencies(dependencies)
                .harness(harness)
                .selection(settings.selection())
                .jvm(TrainingJvm.builder()
                        .systemProperties(withBasedir(settings.systemProperties()))
                        .jvmArguments(settings.jvmArguments())
                        .environment(settings.environment())
                        .configurationParameters(settings.configurationParameters())
                        .workingDirectory(workingDirectory(settings))
                        .timeout(Duration.ofSeconds(timeout))
                        .build())
                .failOnTrainingFailure(failOnTrainingFailure)
                .imageFile(outputDirectory.toPath().resolve(ImageArtifacts.fileName(project)))
                .workDirectory(run.workDirectory())
                .toolVersion(pluginVersion)
                .buildTestRun(run.recordedBy()
                        .map(kind -> new BuildTestRun(
                                kind == SurefireSettings.Kind.SUREFIRE
                                        ? TrainingSummary.SUREFIRE
                                        : TrainingSummary.FAILSAFE,
                                recordingFolder(kind),
                                SurefireSettings.reportsDirectory(project, kind),
                                settings.agents())))
                .build();
    }

    /**
     * Whether the build skips tests ({@code -DskipTests}, {@code -Dmaven.test.skip}, or {@code skipITs} too when
     * {@code integrationTests}), which skips training as well: it runs the module's code the way its tests do. Says so
     * in the log.
     */
    boolean testsSkipped(String goal, boolean integrationTests) {
        Optional<String> skippedBy = SurefireSettings.skippedBy(
                project,
                integrationTests ? SurefireSettings.Kind.FAILSAFE : SurefireSettings.Kind.SUREFIRE,
                this::property);
        skippedBy.ifPresent(reason -> getLog().info("Skipping pkgimage:" + goal + " of " + project.getArtifactId()
                + " (" + reason + "): the image is built by running the module's workloads, so it is neither built"
                + " nor attached in this build."));
        return skippedBy.isPresent();
    }

    boolean hasTestClasses() {
        File dir = new File(project.getBuild().getTestOutputDirectory());
        String[] children = dir.list();
        return children != null && children.length > 0;
    }

    private Map<String, String> withBasedir(Map<String, String> properties) {
        Map<String, String> all = new TreeMap<>(properties);
        all.putIfAbsent("basedir", project.getBasedir().getAbsolutePath());
        return all;
    }

    /** The plugin's {@code workingDirectory} (created, as Surefire does), else the module's folder. */
    private Path workingDirectory(SurefireSettings settings) throws MojoExecutionException {
        Path dir = settings.workingDirectory()
                .map(w -> project.getBasedir().toPath().resolve(w))
                .orElse(project.getBasedir().toPath());
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot create the tests' working directory '" + dir + "' (<workingDirectory>): " + e, e);
        }
    }

    private Path resolveLauncher(String version) throws MojoExecutionException {
        ArtifactRequest request = new ArtifactRequest(
                new DefaultArtifact(PLATFORM_GROUP, "junit-platform-launcher", "jar", version),
                project.getRemoteProjectRepositories(),
                null);
        try {
            Path launcher = repositorySystem
                    .resolveArtifact(session.getRepositorySession(), request)
                    .getArtifact()
                    .getFile()
                    .toPath();
            getLog().debug("Training uses " + launcher + " (the test class path has no JUnit Platform Launcher)");
            return launcher;
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException(
                    "Cannot resolve org.junit.platform:junit-platform-launcher:" + version
                            + ", which the training needs to run the tests (it matches junit-platform-engine " + version
                            + " on the test class path): " + e.getMessage()
                            + ". Add it as a test dependency or check the repositories.",
                    e);
        }
    }
}
