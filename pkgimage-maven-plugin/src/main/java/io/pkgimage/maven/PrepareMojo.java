package io.pkgimage.maven;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.compile.ImageCompiler;
import io.pkgimage.core.compile.Workload;
import io.pkgimage.core.training.TestJvmRecording;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Makes the build's own test run train the module's image, as {@code jacoco:prepare-agent} makes it the coverage run:
 * appends to the {@code argLine} property (keeping what it holds) the options with which each of Surefire's test JVMs
 * records what it loads, one recording a JVM, whatever {@code forkCount} and {@code reuseForks} say. {@code
 * pkgimage:compile} then writes the image from that recording instead of running the tests again, when it holds for
 * the same classes, tests, dependencies, JDK and settings. Does nothing, saying so, when the tests are skipped.
 */
@Mojo(
        name = "prepare",
        defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class PrepareMojo extends AbstractTrainingMojo {
    /**
     * The property that Surefire and Failsafe read their {@code argLine} from. The recording's options are appended
     * to what it holds.
     *
     * @since 0.3.0
     */
    @Parameter(property = "pkgimage.propertyName", defaultValue = "argLine")
    private String propertyName;

    /**
     * Where {@code pkgimage:compile} trains when it cannot use the recording; the same folder as its own.
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.build.directory}/pkgimage/compile", required = true)
    private File workDirectory;

    @Inject
    public PrepareMojo(
            MavenProjectHelper projectHelper, ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(projectHelper, toolchainManager, repositorySystem);
    }

    /** The plugin whose test JVMs record. */
    SurefireSettings.Kind kind() {
        return SurefireSettings.Kind.SUREFIRE;
    }

    /** How the goal that takes the recording runs the workload, for the fingerprint of its inputs. */
    Run run(SurefireSettings settings) {
        return new Run(Workload.tests(), settings, true, workDirectory.toPath(), Optional.of(kind()));
    }

    /** The goal that takes the recording. */
    String consumer() {
        return "pkgimage:compile";
    }

    @Override
    public void execute() throws MojoExecutionException {
        String goal = kind() == SurefireSettings.Kind.SUREFIRE ? "prepare" : "prepare-integration";
        if (skipped(goal, "no tests") || testsSkipped(goal, kind() == SurefireSettings.Kind.FAILSAFE)) {
            return;
        }
        Optional<String> ignored = argLineIgnores(kind(), propertyName);
        if (ignored.isPresent()) {
            getLog().info("pkgimage:" + goal + " leaves the test JVMs of " + project.getArtifactId() + " alone, as they"
                    + " would not record: " + ignored.get() + ". " + consumer() + " then runs the tests itself.");
            return;
        }
        SurefireSettings settings = SurefireSettings.of(project, kind(), this::property);
        Path folder = recordingFolder(kind());
        try {
            String inputs = ImageCompiler.recordingFingerprint(request(run(settings)));
            TestJvmRecording.begin(folder, inputs);
        } catch (PkgImageException | UncheckedIOException e) {
            throw new MojoExecutionException(
                    "Preparing the recording of " + project.getArtifactId() + "'s test run failed: " + e.getMessage()
                            + ". Skip this goal (-Dpkgimage.skip) and " + consumer() + " runs the tests itself.",
                    e);
        }
        List<String> options = TestJvmRecording.jvmOptions(folder);
        String value = appendToArgLine(propertyName, options, TestJvmRecording::isRecordingOption);
        getLog().info("The " + kind().plugin() + " JVMs of " + project.getArtifactId() + " record what they load into "
                + folder + ", so that " + consumer() + " takes the image from this test run instead of running the"
                + " tests again. " + propertyName + " = " + value);
    }
}
