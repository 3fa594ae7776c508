package io.pkgimage.maven;

import io.pkgimage.core.jdk.InvalidJdkException;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/** Chooses the target JDK: the {@code jdk} parameter, else the build's JDK toolchain, else the JDK running Maven. */
final class JdkSelection {
    private JdkSelection() {}

    static Jdk choose(String jdk, ToolchainManager toolchains, MavenSession session, Log log)
            throws MojoExecutionException {
        try {
            if (jdk != null && !jdk.isBlank()) {
                Jdk chosen = Jdks.standardLocations().resolve(jdk);
                log.debug("Target JDK from <jdk> / pkgimage.jdk '" + jdk + "': " + chosen);
                return chosen;
            }
            Toolchain toolchain = toolchains == null ? null : toolchains.getToolchainFromBuildContext("jdk", session);
            if (toolchain != null) {
                String java = toolchain.findTool("java");
                if (java == null) {
                    throw new MojoExecutionException("The JDK toolchain " + toolchain + " has no java launcher; fix"
                            + " ~/.m2/toolchains.xml or set <jdk> (property pkgimage.jdk) to a JDK home");
                }
                Jdk chosen = Jdks.of(Path.of(java).toAbsolutePath().getParent().getParent());
                log.debug("Target JDK from the toolchain: " + chosen);
                return chosen;
            }
            return Jdks.current();
        } catch (InvalidJdkException e) {
            throw new MojoExecutionException(
                    "The target JDK is not usable: " + e.getMessage()
                            + ". Set <jdk> (property pkgimage.jdk) to a JDK home or a feature release such as 25.",
                    e);
        }
    }
}
