package io.pkgimage.maven;

import io.pkgimage.core.compile.Workload;
import io.pkgimage.core.image.ImagePart;
import java.io.File;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * {@code pkgimage:prepare} for Failsafe, as {@code jacoco:prepare-agent-integration} is for JaCoCo: Failsafe's test
 * JVMs record what they load (the options replace {@code prepare}'s in the {@code argLine} property), and {@code
 * pkgimage:record}, bound after them ({@code post-integration-test}), writes the image's integration-tests part from
 * that recording instead of running the integration tests again.
 */
@Mojo(
        name = "prepare-integration",
        defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class PrepareIntegrationMojo extends PrepareMojo {
    /**
     * Where {@code pkgimage:record} records the integration tests when it cannot use the recording; the same folder as
     * its own.
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.build.directory}/pkgimage/record", required = true)
    private File recordDirectory;

    @Inject
    public PrepareIntegrationMojo(
            MavenProjectHelper projectHelper, ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(projectHelper, toolchainManager, repositorySystem);
    }

    @Override
    SurefireSettings.Kind kind() {
        return SurefireSettings.Kind.FAILSAFE;
    }

    @Override
    Run run(SurefireSettings settings) {
        return new Run(
                Workload.integrationTests(),
                settings,
                true,
                recordDirectory.toPath().resolve(ImagePart.INTEGRATION_TESTS),
                Optional.of(kind()));
    }

    @Override
    String consumer() {
        return "pkgimage:record";
    }
}
