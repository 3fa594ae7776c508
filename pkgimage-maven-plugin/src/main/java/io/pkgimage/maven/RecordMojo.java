package io.pkgimage.maven;

import io.pkgimage.core.compile.Workload;
import io.pkgimage.core.image.ImagePart;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Records a workload of the module into its package image, next to what its tests taught: a main class with
 * arguments ({@code -Dpkgimage.mainClass=…}, run on the runtime class path as {@code pkgimage:run} runs it), else
 * the module's integration tests as Failsafe selects and configures them. The workload runs in a training JVM of the
 * target JDK exactly as {@code pkgimage:compile} runs the tests; what it loaded becomes the image's {@code main} or
 * {@code integration-tests} part, which {@code pkgimage:link} takes like the tests part. With {@code
 * pkgimage:prepare-integration}, and this goal bound after Failsafe ({@code post-integration-test}), the part is
 * written from what Failsafe's own test JVMs recorded, without running the integration tests again.
 */
@Mojo(
        name = "record",
        defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class RecordMojo extends AbstractTrainingMojo {
    /**
     * The main class to record. When unset, the module's integration tests are recorded.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.mainClass")
    private String mainClass;

    /**
     * Arguments for the main class.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.args")
    private List<String> args = new ArrayList<>();

    /**
     * JVM options of the main class's JVM, as {@code pkgimage:run} takes them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.jvmOptions")
    private List<String> jvmOptions = new ArrayList<>();

    /**
     * Scratch space of the goal: the jar of the module's classes, the recorded classlist, the logs.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/pkgimage/record", required = true)
    private File workDirectory;

    @Inject
    public RecordMojo(
            MavenProjectHelper projectHelper, ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(projectHelper, toolchainManager, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean main = mainClass != null && !mainClass.isBlank();
        if (skipped("record", "no workload") || testsSkipped("record", !main)) {
            return;
        }
        if (main) {
            Workload workload;
            try {
                workload = Workload.main(mainClass.trim(), args);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<mainClass> (property pkgimage.mainClass): " + e.getMessage(), e);
            }
            SurefireSettings settings = SurefireSettings.ofJvmOptions(SurefireSettings.splitAll(jvmOptions));
            train(new Run(workload, settings, false, workDirectory.toPath().resolve(ImagePart.MAIN), Optional.empty()));
            return;
        }
        SurefireSettings failsafe = SurefireSettings.of(project, SurefireSettings.Kind.FAILSAFE, this::property);
        if (failsafe.selection()
                .testClasses(java.nio.file.Path.of(project.getBuild().getTestOutputDirectory()))
                .isEmpty()) {
            getLog().info("No integration tests of " + project.getArtifactId() + " match "
                    + failsafe.selection().includes() + " in "
                    + project.getBuild().getTestOutputDirectory()
                    + "; nothing to record. Set pkgimage.mainClass to record a main class instead.");
            return;
        }
        train(new Run(
                Workload.integrationTests(),
                failsafe,
                true,
                workDirectory.toPath().resolve(ImagePart.INTEGRATION_TESTS),
                Optional.of(SurefireSettings.Kind.FAILSAFE)));
    }
}
