package io.pkgimage.maven;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.ImageCodec;
import io.pkgimage.core.image.ImageFormatException;
import io.pkgimage.core.image.ImagePart;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.JdkPackages;
import io.pkgimage.core.link.ImageLinker;
import io.pkgimage.core.link.LinkRequest;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.link.MapFailure;
import io.pkgimage.core.training.TestJvmRecording;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Gives the module's test JVMs (Surefire's and Failsafe's forks) an archive, as {@code jacoco:prepare-agent} gives
 * them an agent: links the JDK classes that the tests use, as the images of the test class path and the module's last
 * training recorded them, into a CDS archive, proves that a JVM with the tests' options maps it, and appends the
 * options that map it to the {@code argLine} property, keeping what is there.
 *
 * <p>The archive holds JDK classes only. A test JVM's class path begins with the module's class folders, and a CDS
 * archive can hold a class-path class only when the class path at run time begins as it did at the dump, with jars
 * (a rule of the JDK, for its AOT cache too). Classes of the JDK are not checked against the class path, so this
 * archive maps in every fork, whatever Surefire puts on its class path.
 */
@Mojo(
        name = "prepare-test",
        defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class PrepareTestMojo extends AbstractLinkMojo {
    /** Options with which no archive maps, or that bring their own. */
    private static final List<String> ARCHIVE_OPTIONS =
            List.of("-Xshare:off", "-XX:SharedArchiveFile", "-XX:AOTCache", "-XX:AOTMode", "-XX:-UseSharedSpaces");

    /**
     * The property that Surefire and Failsafe read their {@code argLine} from. The archive's options are appended to
     * what it holds.
     *
     * @since 0.3.0
     */
    @Parameter(property = "pkgimage.propertyName", defaultValue = "argLine")
    private String propertyName;

    /**
     * Where the module's last training left its recorded classlist ({@code pkgimage:compile}'s work directory: a
     * training JVM's, or the build's test JVMs' recording that compile merged there).
     *
     * @since 0.3.0
     */
    @Parameter(defaultValue = "${project.build.directory}/pkgimage/compile", required = true)
    private File trainingDirectory;

    @Inject
    public PrepareTestMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped("prepare-test", "no tests")) {
            return;
        }
        Optional<String> skippedBy =
                SurefireSettings.skippedBy(project, SurefireSettings.Kind.SUREFIRE, this::property);
        if (skippedBy.isPresent()) {
            getLog().info("Skipping pkgimage:prepare-test of " + project.getArtifactId() + " (" + skippedBy.get()
                    + "): no test JVM starts.");
            return;
        }
        Optional<String> ignored = argLineIgnores(SurefireSettings.Kind.SUREFIRE, propertyName);
        if (ignored.isPresent()) {
            getLog().info("pkgimage:prepare-test leaves the test JVMs of " + project.getArtifactId() + " alone, as they"
                    + " would not see the archive: " + ignored.get() + ".");
            return;
        }
        SurefireSettings surefire = SurefireSettings.of(project, SurefireSettings.Kind.SUREFIRE, this::property);
        List<String> testOptions = surefire.jvmArguments();
        // the archive options the tests' argLine brings are among those training leaves out
        Optional<String> unusable = archiveOption(
                Stream.concat(testOptions.stream(), surefire.leftOut().stream()).toList());
        if (unusable.isPresent()) {
            getLog().info("pkgimage:prepare-test leaves the test JVMs of " + project.getArtifactId() + " alone: their"
                    + " argLine has " + unusable.get() + ", with which they map no archive of ours.");
            return;
        }
        Jdk target = targetJdk();
        List<Path> images = images();
        RecordedClassList recorded = jdkClasses(target, images);
        if (recorded.classes().isEmpty()) {
            getLog().info("pkgimage:prepare-test has nothing to give the test JVMs of " + project.getArtifactId()
                    + ": no image on the test class path and no training of the module yet. Once pkgimage:compile"
                    + " has run (mvn package), the next builds' test JVMs start with an archive.");
            return;
        }
        // the archive must be dumped for the forks' GC and heap: the options of theirs that shape it
        List<String> shaping =
                testOptions.stream().filter(PrepareTestMojo::shapesTheArchive).toList();
        LinkRequest request;
        try {
            request = LinkRequest.builder(project.getArtifactId() + "-tests", target, linkDirectory())
                    .jvmOptions(shaping)
                    .cache(cache())
                    .timeout(linkTimeout())
                    .toolVersion(pluginVersion)
                    .shared(recorded)
                    .onMapFailure(MapFailure.WARN) // the tests still run when the archive cannot map
                    .build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<name> (property pkgimage.name): " + e.getMessage(), e);
        }
        LinkResult link;
        try {
            link = ImageLinker.link(request, progress());
        } catch (PkgImageException | UncheckedIOException e) {
            throw new MojoExecutionException(
                    "Linking the test JVMs' archive of " + project.getArtifactId()
                            + " failed: " + e.getMessage() + ". The tests run without it if you skip this goal"
                            + " (-Dpkgimage.skip).",
                    e);
        }
        String value = appendToArgLine(propertyName, MapFailure.WARN.mapping(target, link.archive()), o -> false);
        getLog().info("The test JVMs of " + project.getArtifactId() + " start with " + link.archive() + " ("
                + recorded.classes().size() + " JDK classes the tests use; a JVM with their options " + shaping
                + " maps it, proven with -Xshare:on). " + propertyName + " = " + value);
        if (!MapFailure.canWarn(target)) {
            getLog().info("JDK " + target.feature() + " cannot warn when an archive does not map: a test JVM of"
                    + " another JDK or GC than " + target + " with " + shaping + " runs without it silently.");
        }
    }

    /** The images of the test class path: the module's own from its last training, its dependencies'. */
    private List<Path> images() {
        List<Path> found = new ArrayList<>();
        ImageArtifacts.ofProject(project).ifPresent(found::add);
        ImageArtifacts artifacts = new ImageArtifacts(session, repositorySystem);
        for (Artifact a : classpathArtifacts(true)) {
            artifacts.of(a, project, true).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The JDK classes the tests use, with their lines, as recorded: by the module's last training (which ran its
     * tests and their infrastructure, JUnit and the test libraries) and in the images on the test class path.
     */
    private RecordedClassList jdkClasses(Jdk jdk, List<Path> images) throws MojoExecutionException {
        List<String> lines = new ArrayList<>();
        for (Path classlist : trainingClasslists()) {
            lines.addAll(readLines(classlist));
        }
        for (Path file : images) {
            try {
                PackageImage image = ImageCodec.read(file);
                if (image.trainedOn().feature() != jdk.feature()) {
                    continue;
                }
                for (ImagePart part : image.parts().values()) {
                    for (ClassEntry c : part.jdkClasses()) {
                        lines.add(c.name());
                        lines.addAll(c.lines());
                    }
                    lines.addAll(part.lambdaFormInvokers());
                }
            } catch (ImageFormatException e) {
                getLog().warn("Not using an image for the test JVMs: " + e.getMessage());
            }
        }
        RecordedClassList all = RecordedClassList.parse(lines);
        List<String> kept = new ArrayList<>();
        for (String name : all.classes()) {
            if (JdkPackages.hasClass(jdk, name)) {
                kept.add(name);
                kept.addAll(all.linesOf(name));
            }
        }
        kept.addAll(all.lambdaFormInvokers());
        return RecordedClassList.parse(kept);
    }

    private List<Path> trainingClasslists() throws MojoExecutionException {
        Path dir = trainingDirectory.toPath();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            // a training JVM's classlist, or the test JVMs' recording that compile merged (pkgimage:prepare)
            return files.filter(f -> f.getFileName().toString().equals("training.classlist")
                            || f.getFileName().toString().equals(TestJvmRecording.MERGED))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the training folder '" + dir + "': " + e.getMessage(), e);
        }
    }

    private static List<String> readLines(Path file) throws MojoExecutionException {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the recorded classlist '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The first of {@code options} with which a JVM maps no archive of ours, or that brings its own. */
    static Optional<String> archiveOption(List<String> options) {
        return options.stream()
                .filter(o -> ARCHIVE_OPTIONS.stream().anyMatch(o::startsWith))
                .findFirst();
    }

    /** Whether a JVM option shapes what a CDS archive must be dumped with: the GC, the heap, compressed pointers. */
    static boolean shapesTheArchive(String option) {
        return option.matches("-XX:[+-]Use\\w*GC")
                || option.matches("-XX:[+-]UseCompressed\\w+")
                || option.startsWith("-Xmx")
                || option.startsWith("-XX:MaxHeapSize=")
                || option.startsWith("-XX:ObjectAlignmentInBytes=")
                || option.matches("-XX:[+-]UseCompactObjectHeaders");
    }
}
