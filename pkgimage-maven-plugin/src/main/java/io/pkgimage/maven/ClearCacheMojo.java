package io.pkgimage.maven;

import io.pkgimage.core.link.LinkCache;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Empties the shared cache of linked archives ({@code ~/.cache/pkgimage/archives}), except entries a running link
 * holds. Links already made keep their archives: they are hard links or copies of the cache's files. Runs without a
 * project: {@code mvn io.pkgimage:pkgimage-maven-plugin:clear-cache}.
 */
@Mojo(name = "clear-cache", requiresProject = false, aggregator = true, threadSafe = true)
public class ClearCacheMojo extends AbstractMojo {
    /**
     * The cache to empty; the same parameter as the link goals'.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pkgimage.cacheDirectory", defaultValue = "${user.home}/.cache/pkgimage/archives")
    private File cacheDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            int removed = LinkCache.at(cacheDirectory.toPath()).clear();
            getLog().info("Cleared the link cache " + cacheDirectory + ": removed " + removed + " archive"
                    + (removed == 1 ? "" : "s") + ".");
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cannot clear the link cache: " + e.getMessage(), e);
        }
    }
}
