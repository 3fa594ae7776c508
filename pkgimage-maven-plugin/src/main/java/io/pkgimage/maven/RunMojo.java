package io.pkgimage.maven;

import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.link.LinkResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Runs a main class of the module in a fresh JVM of the target JDK with the linked images (linking first when
 * anything changed), or, with {@code -Dpkgimage.plain=true}, the same JVM, class path and options without them.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RunMojo extends AbstractLinkMojo {
    /**
     * The main class to run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.mainClass", required = true)
    private String mainClass;

    /**
     * Arguments for the main class.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.args")
    private List<String> args = new ArrayList<>();

    /**
     * Runs without the images: the same JDK, class path and JVM options, and the JDK's own default CDS archive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.plain", defaultValue = "false")
    private boolean plain;

    @Inject
    public RunMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("run", "no main class to run")) {
            return;
        }
        Jdk target = targetJdk();
        LinkResult linked = link(target);
        List<String> command = new ArrayList<>();
        command.add(target.javaExecutable().toString());
        if (plain) {
            command.addAll(jvmOptions());
            command.add("-cp");
            command.add(
                    linked.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        } else {
            command.add("@" + linked.argfile());
        }
        command.add(mainClass);
        command.addAll(args);
        getLog().info("Running " + mainClass + (plain ? " plain (without images)" : " with the linked images") + ": "
                + String.join(" ", command));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(project.getBasedir())
                    .inheritIO()
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new MojoFailureException(mainClass + " exited with code " + exit);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start " + target.javaExecutable() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while " + mainClass + " ran", e);
        }
    }
}
