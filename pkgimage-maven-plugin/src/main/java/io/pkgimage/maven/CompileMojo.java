package io.pkgimage.maven;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.compile.CompileRequest;
import io.pkgimage.core.compile.CompileResult;
import io.pkgimage.core.compile.ImageCompiler;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.DependencyImage;
import io.pkgimage.core.io.Hashing;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.training.TrainingException;
import io.pkgimage.core.training.TrainingFailuresException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compiles the module's package image: runs the module's tests in a fresh JVM of the target JDK as the training
 * workload, records what they load, and writes {@code target/<artifactId>-<version>-pkgimage.jar}, attached with
 * classifier {@code pkgimage} so that {@code install} and {@code deploy} carry it next to the jar.
 */
@Mojo(
        name = "compile",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CompileMojo extends AbstractPkgImageMojo {
    private static final String PLATFORM_GROUP = "org.junit.platform";

    private final MavenProjectHelper projectHelper;

    /**
     * Makes failing tests during training fail the build. By default the image is built from what ran and the
     * failing tests are listed as a warning.
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
     * Records which of the package's methods the JIT compiled during training (from HotSpot's compilation log) and
     * keeps them in the image as its hot methods.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.hotMethods", defaultValue = "true")
    private boolean hotMethods;

    /**
     * Where the image is written.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    /**
     * Scratch space of the goal: the jar of the module's classes, the recorded classlist, the training logs.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/pkgimage/compile", required = true)
    private File workDirectory;

    @Inject
    public CompileMojo(
            MavenProjectHelper projectHelper, ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("compile", "no classes")) {
            return;
        }
        if (timeout <= 0) {
            throw new MojoExecutionException(
                    "<timeout> (property pkgimage.timeout) must be a positive number of " + "seconds, not " + timeout);
        }
        Jdk target = targetJdk();
        SurefireSettings surefire = SurefireSettings.of(project.getPlugin(SurefireSettings.SUREFIRE), this::property);
        if (!surefire.notHonoured().isEmpty()) {
            getLog().info("Training does not follow these Surefire settings of " + project.getArtifactId() + ": "
                    + String.join(", ", surefire.notHonoured()) + " (it runs the selected tests in one JVM).");
        }
        if (!surefire.unresolved().isEmpty()) {
            getLog().warn("Left out of the training argLine, as they have no value: " + surefire.unresolved());
        }

        ImageArtifacts images = new ImageArtifacts(session, repositorySystem);
        List<ClasspathEntry> dependencies = new ArrayList<>();
        List<DependencyImage> dependencyImages = new ArrayList<>();
        Optional<Artifact> launcher = Optional.empty();
        Optional<Artifact> engine = Optional.empty();
        for (Artifact a : project.getArtifacts()) {
            if (a.getFile() == null || !a.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            if (PLATFORM_GROUP.equals(a.getGroupId()) && "junit-platform-launcher".equals(a.getArtifactId())) {
                launcher = Optional.of(a);
            }
            if (PLATFORM_GROUP.equals(a.getGroupId()) && "junit-platform-engine".equals(a.getArtifactId())) {
                engine = Optional.of(a);
            }
            if (Artifact.SCOPE_TEST.equals(a.getScope())) {
                dependencies.add(ClasspathEntry.test(a.getFile().toPath()));
            } else {
                Coordinates coordinates = ImageArtifacts.coordinates(a);
                dependencies.add(ClasspathEntry.dependency(a.getFile().toPath(), coordinates));
                images.of(a, project, false)
                        .ifPresent(
                                image -> dependencyImages.add(new DependencyImage(coordinates, Hashing.sha256(image))));
            }
        }
        List<Path> harness = new ArrayList<>();
        Optional<Path> testClasses = Optional.of(Path.of(project.getBuild().getTestOutputDirectory()));
        if (engine.isEmpty()) {
            if (hasTestClasses()) {
                getLog().warn("No JUnit Platform engine (junit-platform-engine) on the test class path of "
                        + project.getArtifactId() + ", so its tests cannot train the image; the image holds its"
                        + " classes loaded without initialisation. JUnit 4 tests need org.junit.vintage:"
                        + "junit-vintage-engine as a test dependency; TestNG is not supported.");
            }
            testClasses = Optional.empty();
        } else if (launcher.isEmpty()) {
            harness.add(resolveLauncher(engine.get().getBaseVersion()));
        }

        CompileRequest request = new CompileRequest(
                ImageArtifacts.coordinates(project.getArtifact()),
                target,
                Path.of(project.getBuild().getOutputDirectory()),
                testClasses,
                dependencies,
                harness,
                surefire.selection(),
                withBasedir(surefire.systemProperties()),
                surefire.jvmArguments(),
                surefire.environment(),
                surefire.configurationParameters(),
                workingDirectory(surefire),
                Duration.ofSeconds(timeout),
                hotMethods,
                failOnTrainingFailure,
                dependencyImages,
                outputDirectory.toPath().resolve(ImageArtifacts.fileName(project)),
                workDirectory.toPath(),
                pluginVersion);
        CompileResult result;
        try {
            result = ImageCompiler.compile(request, progress());
        } catch (TrainingFailuresException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (TrainingException e) {
            throw new MojoExecutionException(
                    "Training the image of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        } catch (PkgImageException | java.io.UncheckedIOException e) {
            throw new MojoExecutionException(
                    "Compiling the image of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        }
        projectHelper.attachArtifact(
                project, "jar", ImageArtifacts.CLASSIFIER, result.imageFile().toFile());
    }

    private boolean hasTestClasses() {
        File dir = new File(project.getBuild().getTestOutputDirectory());
        String[] children = dir.list();
        return children != null && children.length > 0;
    }

    private Map<String, String> withBasedir(Map<String, String> properties) {
        Map<String, String> all = new TreeMap<>(properties);
        all.putIfAbsent("basedir", project.getBasedir().getAbsolutePath());
        return all;
    }

    private String property(String name) {
        String value = session.getUserProperties().getProperty(name);
        if (value == null) {
            value = project.getProperties().getProperty(name);
        }
        return value;
    }

    /** Surefire's {@code workingDirectory} (created, as Surefire does), else the module's folder. */
    private Path workingDirectory(SurefireSettings surefire) throws MojoExecutionException {
        Path dir = surefire.workingDirectory()
                .map(w -> project.getBasedir().toPath().resolve(w))
                .orElse(project.getBasedir().toPath());
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new MojoExecutionException(
                    "Cannot create the tests' working directory '" + dir + "' (Surefire's <workingDirectory>): " + e,
                    e);
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
