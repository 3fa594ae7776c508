package io.pkgimage.maven;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.dist.DistLayout;
import io.pkgimage.core.dist.DistWriter;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.jdk.Jdk;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Writes a self-contained, relocatable application folder: {@code lib/} with the runtime jars (the module's own
 * first), {@code images/} with their package images, and a start script {@code bin/<name>} that starts the main class
 * with an archive linked for the JDK that runs it, linking it there when none holds (another JDK build, moved jars,
 * other options), on the first start or with {@code bin/<name> --link}. The dist is linked once for the target JDK
 * when written, so a start with that JDK pays nothing.
 */
@Mojo(
        name = "dist",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class DistMojo extends AbstractLinkMojo {
    private static final String SPRING_BOOT_LOADER = "org.springframework.boot.loader.";

    /**
     * The class the start script runs. When unset: the packaged jar's {@code Main-Class}, or, for a jar that Spring
     * Boot repackaged, its {@code Start-Class}.
     *
     * @since 0.3.0
     */
    @Parameter(property = "pkgimage.mainClass")
    private String mainClass;

    /**
     * Where the dist is written; it replaces what is there.
     *
     * @since 0.3.0
     */
    @Parameter(property = "pkgimage.distDirectory", defaultValue = "${project.build.directory}/pkgimage/dist")
    private File distDirectory;

    /**
     * Links the dist's archive for the target JDK when writing it (through its own start script, {@code bin/<name>
     * --link}), so that a start with that JDK finds it; with {@code false} the first start links.
     *
     * @since 0.3.0
     */
    @Parameter(property = "pkgimage.dist.link", defaultValue = "true")
    private boolean linkDist;

    @Inject
    public DistMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped("dist", "no application to distribute")) {
            return;
        }
        Jdk target = targetJdk();
        String main = mainClass();
        Gathered gathered = gather(false);
        Map<String, Path> lib = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (ClasspathEntry e : gathered.classpath()) {
            lib.put(libName(e, names), e.path());
        }
        Map<String, Path> images = new LinkedHashMap<>();
        for (Path image : gathered.images()) {
            images.put(image.getFileName().toString(), image);
        }
        Path root = distDirectory.toPath();
        DistLayout layout;
        try {
            layout = DistWriter.write(
                    root,
                    new DistWriter.Contents(
                            name(), main, lib, images, DistWriter.launcherJars(), jvmOptions(), pluginVersion));
        } catch (PkgImageException e) {
            throw new MojoExecutionException(
                    "Writing the dist of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        }
        getLog().info("Wrote the dist " + root + ": " + layout.classpath().size() + " jars, "
                + layout.images().size() + " package images; start it with "
                + root.resolve("bin").resolve(name())
                + " (from any folder, JAVA_HOME or java on the PATH, JAVA_OPTS)");
        if (gathered.images().isEmpty()) {
            getLog().warn("No package image on the class path of " + project.getArtifactId() + ": the dist starts with"
                    + " JDK classes only in its archive. Run pkgimage:compile in its modules (mvn install puts their"
                    + " images next to their jars).");
        }
        if (linkDist) {
            linkWith(target, root.resolve("bin").resolve(name()));
        }
    }

    /** Runs {@code bin/<name> --link} with {@code target} as {@code JAVA_HOME}: what a deploy's link step does. */
    private void linkWith(Jdk target, Path script) throws MojoExecutionException {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            getLog().info("Not linking the dist here: its start script is a POSIX sh script; the first start links");
            return;
        }
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), "--link").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", target.home().toString());
        builder.environment().put("JAVA_OPTS", "");
        getLog().info("Linking the dist for " + target + ": " + script + " --link");
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int exit = process.waitFor();
            output.lines().forEach(l -> getLog().info("  " + l));
            if (exit != 0) {
                throw new MojoExecutionException("Linking the dist failed (" + script + " --link exited with code "
                        + exit + "): " + output.strip() + ". Set <linkDist>false</linkDist> (property"
                        + " pkgimage.dist.link) to leave the link to the first start");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while linking the dist", e);
        }
    }

    /** {@code <artifactId>-<version>[-<classifier>].jar}, with the group in front when two share that name. */
    private static String libName(ClasspathEntry e, Set<String> taken) {
        Optional<Coordinates> c = e.coordinates();
        String base = c.map(x ->
                        x.artifactId() + "-" + x.version() + (x.classifier().isEmpty() ? "" : "-" + x.classifier()))
                .orElse(e.path().getFileName().toString().replaceFirst("\\.jar$", ""));
        String name = base + ".jar";
        if (!taken.add(name)) {
            name = c.map(Coordinates::groupId).orElse("lib") + "." + name;
            taken.add(name);
        }
        return name;
    }

    private String mainClass() throws MojoExecutionException {
        if (mainClass != null && !mainClass.isBlank()) {
            return mainClass.strip();
        }
        File jar = project.getArtifact().getFile();
        if (jar == null) {
            jar = new File(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar");
        }
        if (jar.isFile()) {
            try (JarFile file = new JarFile(jar)) {
                Manifest manifest = file.getManifest();
                if (manifest != null) {
                    String main = manifest.getMainAttributes().getValue("Main-Class");
                    String start = manifest.getMainAttributes().getValue("Start-Class");
                    if (main != null && main.startsWith(SPRING_BOOT_LOADER) && start != null) {
                        getLog().info("Main class " + start.strip() + ": the Start-Class of " + jar + ", which Spring"
                                + " Boot repackaged (its Main-Class is Spring Boot's launcher " + main.strip() + ")");
                        return start.strip();
                    }
                    if (main != null) {
                        getLog().info("Main class " + main.strip() + ": the Main-Class of " + jar);
                        return main.strip();
                    }
                }
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read the manifest of " + jar + ": " + e.getMessage(), e);
            }
        }
        throw new MojoExecutionException("No main class for the dist of " + project.getArtifactId() + ": set"
                + " <mainClass> (property pkgimage.mainClass), or give the packaged jar a Main-Class"
                + (Files.isRegularFile(jar.toPath()) ? " (" + jar + " has none)" : " (run it after package)"));
    }
}
