package io.pkgimage.maven;

import io.pkgimage.core.compile.Workload;
import java.io.File;
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
 * Compiles the module's package image: runs the module's tests in a fresh JVM of the target JDK as the training
 * workload, records what they load, and writes the image's {@code tests} part to {@code
 * target/<artifactId>-<version>-pkgimage.jar}, attached with classifier {@code pkgimage} so that {@code install} and
 * {@code deploy} carry it next to the jar. Parts that {@code pkgimage:record} added are kept.
 *
 * <p>When {@code pkgimage:prepare} made the build's Surefire run record what its test JVMs loaded, and that recording
 * holds for this build's classes, tests, dependencies, JDK and settings, the image is written from it and the tests do
 * not run again; else (no {@code prepare}, another JDK, a recording older than the inputs) the goal trains in a JVM of
 * its own, saying why.
 */
@Mojo(
        name = "compile",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CompileMojo extends AbstractTrainingMojo {
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
        super(projectHelper, toolchainManager, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("compile", "no classes") || testsSkipped("compile", false)) {
            return;
        }
        SurefireSettings surefire = SurefireSettings.of(project, SurefireSettings.Kind.SUREFIRE, this::property);
        train(new Run(
                Workload.tests(), surefire, true, workDirectory.toPath(), Optional.of(SurefireSettings.Kind.SUREFIRE)));
    }
}
