package io.pkgimage.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Links the package images of the module's runtime class path into what the target JVM maps at start: checks each
 * image against the classes really there, merges them, dumps a CDS archive and proves that the JVM maps it. Writes
 * {@code target/pkgimage/<name>.jsa}, {@code <name>.args} (start with {@code java @target/pkgimage/<name>.args
 * Main}) and a readable report {@code <name>-link.txt}.
 */
@Mojo(
        name = "link",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class LinkMojo extends AbstractLinkMojo {
    @Inject
    public LinkMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped("link", "no class path to link")) {
            return;
        }
        link(targetJdk());
    }
}
