package io.pkgimage.maven;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.io.DeterministicJar;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.link.ImageLinker;
import io.pkgimage.core.link.LinkCache;
import io.pkgimage.core.link.LinkRequest;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.link.MapFailure;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/** What the goals that link images share: their parameters, gathering images and the class path, the link itself. */
abstract class AbstractLinkMojo extends AbstractPkgImageMojo {

    /**
     * The base name of what the link writes: {@code <name>.jsa}, {@code <name>.args}, {@code <name>-link.txt}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.name", defaultValue = "${project.artifactId}")
    private String name;

    /**
     * JVM options of the run that the archive must match (garbage collector, heap size, compressed pointers), such
     * as {@code -XX:+UseParallelGC}. The dump, the proof of loading and the argfile all use them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.jvmOptions")
    private List<String> jvmOptions = new ArrayList<>();

    /**
     * Fails the link when an image is corrupt, foreign or of another format version, instead of going on without
     * it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.strict", defaultValue = "false")
    private boolean strict;

    /**
     * Where the archive, argfile, merged classlist and link report go.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.linkDirectory", defaultValue = "${project.build.directory}/pkgimage")
    private File linkDirectory;

    /**
     * The content-addressed cache of linked archives, shared by builds: a link whose JDK, options, class path and
     * merged classlist are unchanged reuses the archive instead of dumping it again.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.cacheDirectory", defaultValue = "${user.home}/.cache/pkgimage/archives")
    private File cacheDirectory;

    /**
     * The bound on the cache's total size: after each link, the least recently used archives are removed while the
     * cache is larger. A number of bytes with an optional unit {@code k}, {@code m} or {@code g}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pkgimage.cache.maxSize", defaultValue = "2g")
    private String cacheMaxSize;

    /**
     * How long an archive no link used stays in the cache: a number of days ({@code 30d}), hours ({@code 12h}) or an
     * ISO-8601 duration ({@code P30D}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "pkgimage.cache.maxAge", defaultValue = "30d")
    private String cacheMaxAge;

    /**
     * What the argfile makes a JVM do when the archive cannot map at run time (a jar replaced after the link, another
     * JVM or GC): {@code warn} runs without it and prints one line saying so, {@code fail} refuses to start
     * ({@code -Xshare:on}), {@code accept} runs without it silently (the JVM's own default).
     *
     * @since 0.2.0
     */
    @Parameter(property = "pkgimage.onMapFailure", defaultValue = "warn")
    private String onMapFailure;

    /**
     * How long dumping the archive and proving that it maps may each take, in seconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.linkTimeout", defaultValue = "300")
    private int linkTimeout;

    AbstractLinkMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
    }

    /** The dependencies on the runtime class path, or with {@code testScope} on the test class path, in order. */
    List<Artifact> classpathArtifacts(boolean testScope) {
        return project.getArtifacts().stream()
                .filter(a -> a.getFile() != null
                        && a.getArtifactHandler().isAddedToClasspath()
                        && (testScope || isRuntime(a)))
                .toList();
    }

    /** The class path entry of dependency {@code a}: with its coordinates when it is a runtime one. */
    static ClasspathEntry entry(Artifact a) {
        return isRuntime(a)
                ? ClasspathEntry.dependency(a.getFile().toPath(), ImageArtifacts.coordinates(a))
                : ClasspathEntry.test(a.getFile().toPath());
    }

    private static boolean isRuntime(Artifact a) {
        return Artifact.SCOPE_COMPILE.equals(a.getScope())
                || Artifact.SCOPE_RUNTIME.equals(a.getScope())
                || Artifact.SCOPE_SYSTEM.equals(a.getScope());
    }

    /**
     * The module's classes as the link takes them: its packaged jar (of this build, else the one an earlier {@code
     * package} left in {@code target/}) when it holds what {@code target/classes} holds, so that the JVM finds them in
     * the jar Maven made; else the folder, which the link jars as {@code maven-jar-plugin} would.
     */
    Path classesOrPackagedJar() {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        File file = project.getArtifact().getFile();
        if (file == null) {
            // a link run without package in the same build (mvn pkgimage:link): the jar an earlier package left
            file = new File(
                    project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar");
        }
        if (!file.isFile() || !file.getName().endsWith(".jar")) {
            return classes;
        }
        if (DeterministicJar.holdsTheSameAs(classes, file.toPath())) {
            getLog().info("Linking the packaged jar " + file + " (it holds what " + classes + " holds)");
            return file.toPath();
        }
        getLog().info("The packaged jar " + file + " does not hold what " + classes + " holds (it was repackaged,"
                + " or the classes changed since it was packaged): linking a jar made of " + classes + " instead");
        return classes;
    }

    /** The name the link writes under; a goal with its own class path names its own. */
    String linkName(String name) {
        return name;
    }

    Duration linkTimeout() {
        return Duration.ofSeconds(linkTimeout);
    }

    Path cacheDirectory() {
        return cacheDirectory.toPath();
    }

    /** The link cache with its configured bounds. */
    LinkCache cache() throws MojoExecutionException {
        try {
            return LinkCache.of(cacheDirectory.toPath(), cacheMaxSize, cacheMaxAge);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "<cacheMaxSize>/<cacheMaxAge> (properties pkgimage.cache.maxSize, pkgimage.cache.maxAge): "
                            + e.getMessage(),
                    e);
        }
    }

    Path linkDirectory() {
        return linkDirectory.toPath();
    }

    /** The JVM options the archive is dumped, proven and run with: {@link #jvmOptions()} unless a goal needs more. */
    List<String> linkOptions(Jdk target) {
        return jvmOptions();
    }

    List<String> jvmOptions() {
        return SurefireSettings.splitAll(jvmOptions);
    }

    /** Gathers the images of the runtime class path and links them. */
    LinkResult link(Jdk target) throws MojoExecutionException {
        return link(target, false);
    }

    /**
     * The class path to link and the images found for it.
     *
     * @param classpath the class path in order, the module's own classes as {@link #classesOrPackagedJar()} takes them
     * @param images the package images of its entries
     */
    record Gathered(List<ClasspathEntry> classpath, List<Path> images) {}

    /**
     * The runtime class path, or with {@code testScope} the test class path (the test classes first, as Surefire
     * orders them), and the images of its entries.
     */
    Gathered gather(boolean testScope) {
        ImageArtifacts images = new ImageArtifacts(session, repositorySystem);
        List<ClasspathEntry> classpath = new ArrayList<>();
        List<Path> imageFiles = new ArrayList<>();
        if (testScope) {
            classpath.add(ClasspathEntry.test(Path.of(project.getBuild().getTestOutputDirectory())));
        }
        classpath.add(ClasspathEntry.self(classesOrPackagedJar(), ImageArtifacts.coordinates(project.getArtifact())));
        ImageArtifacts.ofProject(project).ifPresent(imageFiles::add);
        for (Artifact a : classpathArtifacts(testScope)) {
            classpath.add(entry(a));
            images.of(a, project, true).ifPresent(imageFiles::add);
        }
        return new Gathered(classpath, imageFiles);
    }

    /** The policy for an archive that cannot map at run time, from {@code <onMapFailure>}. */
    MapFailure mapFailure() throws MojoExecutionException {
        try {
            return MapFailure.of(onMapFailure);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<onMapFailure> (property pkgimage.onMapFailure): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    /**
     * Gathers the images of the runtime class path, or with {@code testScope} of the test class path (the test
     * classes first, as Surefire orders them), and links them.
     */
    LinkResult link(Jdk target, boolean testScope) throws MojoExecutionException {
        if (linkTimeout <= 0) {
            throw new MojoExecutionException("<linkTimeout> (property pkgimage.linkTimeout) must be a positive number"
                    + " of seconds, not " + linkTimeout);
        }
        Gathered gathered = gather(testScope);
        List<ClasspathEntry> classpath = gathered.classpath();
        List<Path> imageFiles = gathered.images();
        MapFailure mapFailure = mapFailure();
        LinkRequest request;
        try {
            request = LinkRequest.builder(linkName(name), target, linkDirectory.toPath())
                    .classpath(classpath)
                    .images(imageFiles)
                    .jvmOptions(linkOptions(target))
                    .strict(strict)
                    .cache(cache())
                    .timeout(Duration.ofSeconds(linkTimeout))
                    .toolVersion(pluginVersion)
                    .onMapFailure(mapFailure)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<name> (property pkgimage.name): " + e.getMessage(), e);
        }
        try {
            return ImageLinker.link(request, progress());
        } catch (PkgImageException | java.io.UncheckedIOException e) {
            throw new MojoExecutionException(
                    "Linking the images of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        }
    }
}
