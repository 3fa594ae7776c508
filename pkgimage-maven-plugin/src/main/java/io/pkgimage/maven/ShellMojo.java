package io.pkgimage.maven;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.compile.ImageCompiler;
import io.pkgimage.core.compile.SessionRecording;
import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.shell.JShell;
import io.pkgimage.core.training.JvmProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Starts JShell on the module's class path, from a terminal. Snippets run in an execution JVM started with the linked
 * images of that class path (linked first when anything changed) and proven to map them; JShell's own JVM starts
 * with an archive of the JDK's JShell and compiler classes, made once per JDK build. With {@code
 * -Dpkgimage.record=true} the session's execution JVM is recorded and, when the shell exits, added to the module's
 * image (its {@code shell} part), so the next shell, and every later link, is warm for what the session did.
 */
@Mojo(name = "shell", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
public class ShellMojo extends AbstractLinkMojo {
    /**
     * The class path of the shell: {@code runtime} (the module's classes and runtime dependencies) or {@code test}
     * (its test classes and test dependencies too).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.shell.scope", defaultValue = "runtime")
    private String scope;

    /**
     * A JShell script ({@code .jsh}) to run first, as {@code jshell script.jsh} runs it; end it with {@code /exit}
     * to leave the shell when it is done.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.shell.script")
    private File script;

    /**
     * Records the session's execution JVM and adds what it loaded to the module's image when the shell exits.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.record", defaultValue = "false")
    private boolean record;

    /**
     * Options of JShell's own JVM, which compiles the snippets. The default keeps its JIT at C1, which suits a
     * short-lived interactive compiler.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.shell.compilerOptions", defaultValue = "-XX:TieredStopAtLevel=1")
    private List<String> compilerOptions = new ArrayList<>();

    @Inject
    public ShellMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        super(toolchainManager, repositorySystem);
    }

    /**
     * JShell's execution JVM runs with the JDWP agent, and JDK 24+ refuses an archive of AOT-linked classes to a JVM
     * with that agent (it then runs without any archive), so the shell's archive is dumped without class linking.
     */
    @Override
    List<String> linkOptions(Jdk target) {
        List<String> options = new ArrayList<>(jvmOptions());
        if (target.hasAotClassLinking()) {
            options.add("-XX:-AOTClassLinking");
        }
        return options;
    }

    @Override
    String linkName(String name) {
        return name + "-shell" + (testScope() ? "-test" : "");
    }

    private boolean testScope() {
        return "test".equals(scope);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("shell", "no class path")) {
            return;
        }
        if (!"runtime".equals(scope) && !"test".equals(scope)) {
            throw new MojoExecutionException(
                    "<scope> (property pkgimage.shell.scope) is 'runtime' or 'test', not '" + scope + "'");
        }
        if (script != null && !script.isFile()) {
            throw new MojoExecutionException(
                    "The JShell script '" + script + "' (property pkgimage.shell.script) is not a file");
        }
        Jdk target = targetJdk();
        LinkResult linked = link(target, testScope());
        Path work = linkDirectory().resolve("shell");
        Path loadLog = work.resolve("execution-class-load.log");
        Path classlist = work.resolve("session.classlist");
        JShell.Session session;
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(loadLog);
            Files.deleteIfExists(classlist);
            List<String> compiler =
                    new ArrayList<>(JShell.compilerArchive(target, jshellCache(), linkTimeout(), progress()));
            compiler.addAll(SurefireSettings.splitAll(compilerOptions));
            session = new JShell.Session(
                    target,
                    compiler,
                    linked.classpath(),
                    linked.argfile(),
                    Optional.ofNullable(script).map(File::toPath),
                    record ? Optional.of(classlist) : Optional.empty(),
                    loadLog);
        } catch (IOException | IllegalArgumentException | PkgImageException | java.io.UncheckedIOException e) {
            throw new MojoExecutionException("Cannot start JShell: " + e.getMessage(), e);
        }
        List<String> command = session.command();
        Path commandFile = work.resolve("jshell.cmd");
        try {
            Files.write(commandFile, command);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write '" + commandFile + "': " + e.getMessage(), e);
        }
        getLog().info("Starting JShell on the " + scope + " class path of " + project.getArtifactId() + " ("
                + linked.classpath().size() + " entries) with the linked images" + (record ? ", recording" : "")
                + "; /exit leaves it. Its command line is in " + commandFile);
        long start = System.nanoTime();
        int exit;
        try {
            exit = new ProcessBuilder(command)
                    .directory(project.getBasedir())
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start " + target.javaExecutable() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while JShell ran", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        JShell.Proof proof = JShell.proof(loadLog, linked.classpath(), target.feature());
        getLog().info("proof: the execution JVM loaded " + proof.anyFromArchive() + " classes from the archive, "
                + proof.fromArchive() + " of them of the class path; " + proof.fromJars()
                + " class path classes were read from their jars");
        if (proof.anyFromArchive() == 0) {
            getLog().warn("The shell's execution JVM ran without the archive " + linked.archive() + " (see "
                    + loadLog + "): the link's proof passed, so the JVM JShell started refused it. Run again with"
                    + " -X, or report it with that log.");
        }
        if (exit != 0) {
            throw new MojoFailureException("JShell exited with code " + exit);
        }
        if (record) {
            recordSession(target, classlist, millis, work);
        }
    }

    private void recordSession(Jdk target, Path classlist, long millis, Path work) throws MojoExecutionException {
        if (!Files.isRegularFile(classlist)) {
            throw new MojoExecutionException("The shell's execution JVM wrote no classlist at '" + classlist
                    + "', so the session cannot be recorded");
        }
        List<ClasspathEntry> dependencies = new ArrayList<>();
        if (testScope()) {
            dependencies.add(ClasspathEntry.test(Path.of(project.getBuild().getTestOutputDirectory())));
        }
        classpathArtifacts(testScope()).forEach(a -> dependencies.add(entry(a)));
        try {
            TrainedOn trainedOn = JvmProbe.trainedOn(target, linkOptions(target), work, linkTimeout());
            ImageCompiler.addSession(
                    new SessionRecording(
                            ImageArtifacts.coordinates(project.getArtifact()),
                            target,
                            trainedOn,
                            Path.of(project.getBuild().getOutputDirectory()),
                            dependencies,
                            classlist,
                            millis,
                            ImageArtifacts.ofProject(project)
                                    .orElse(Path.of(
                                            project.getBuild().getDirectory(), ImageArtifacts.fileName(project))),
                            work),
                    progress());
        } catch (PkgImageException | java.io.UncheckedIOException e) {
            throw new MojoExecutionException(
                    "Adding the session to the image of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        }
    }

    private Path jshellCache() {
        return cacheDirectory().resolveSibling("jshell");
    }
}
