package io.pkgimage.maven;

import io.pkgimage.core.jdk.Jdk;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/** What every pkgimage goal shares: the project, the target JDK, skipping, and reporting progress. */
abstract class AbstractPkgImageMojo extends AbstractMojo {
    private final ToolchainManager toolchainManager;
    protected final RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    protected String pluginVersion;

    /**
     * The target JDK that trains, links and runs images: a JDK home, or a feature release such as {@code 25} that is
     * looked up among the installed JDKs. When unset, the build's JDK toolchain is used if there is one, else the JDK
     * running Maven. Images and archives hold for the JDK they were made with.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.jdk")
    private String jdk;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Shows the output of the JVMs the goal starts (the tests' output during training) in the build log, instead of
     * only with {@code -X}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pkgimage.showOutput", defaultValue = "false")
    private boolean showOutput;

    AbstractPkgImageMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        this.toolchainManager = toolchainManager;
        this.repositorySystem = repositorySystem;
    }

    /** Whether the goal is to be skipped; says why in the log when it is. */
    boolean skipped(String goal, String nothingToDo) {
        if (skip) {
            getLog().info("Skipping pkgimage:" + goal + " (parameter 'pkgimage.skip' is true).");
            return true;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping pkgimage:" + goal + " (packaging 'pom' has " + nothingToDo + ").");
            return true;
        }
        return false;
    }

    Jdk targetJdk() throws MojoExecutionException {
        return JdkSelection.choose(jdk, toolchainManager, session, getLog());
    }

    /** A user property of the build, else a property of the project: where a plugin parameter's property is read. */
    String property(String name) {
        String value = session.getUserProperties().getProperty(name);
        return value != null ? value : project.getProperties().getProperty(name);
    }

    /**
     * Why the test JVMs of {@code kind} would not see what a goal adds to the property {@code propertyName}: the
     * plugin's XML {@code <argLine>} does not take it. Empty when it does, or when the plugin reads the property itself.
     */
    Optional<String> argLineIgnores(SurefireSettings.Kind kind, String propertyName) {
        Optional<String> xml = SurefireSettings.xmlArgLine(project, kind);
        if (xml.isEmpty()
                || xml.get().contains("@{" + propertyName + "}")
                || xml.get().contains("${" + propertyName + "}")) {
            return Optional.empty();
        }
        return Optional.of(kind.plugin() + "'s <argLine> does not take the " + propertyName + " property. Write @{"
                + propertyName + "} in it, as for jacoco:prepare-agent (and declare an empty <" + propertyName
                + "/> property for builds without the goal)");
    }

    /**
     * Appends {@code options} to the property {@code propertyName} that Surefire and Failsafe read their {@code
     * argLine} from, keeping what it holds but the options that {@code replaced} matches (what an earlier goal of
     * the same kind added); the new value.
     */
    String appendToArgLine(String propertyName, List<String> options, Predicate<String> replaced) {
        String value = argLineWith(property(propertyName), options, replaced);
        project.getProperties().setProperty(propertyName, value);
        if (session.getUserProperties().getProperty(propertyName) != null) {
            // -DargLine on the command line wins over the project's property where Surefire reads it
            session.getUserProperties().setProperty(propertyName, value);
        }
        return value;
    }

    /**
     * {@code existing} (may be null) without the options {@code replaced} matches, with {@code options} appended,
     * quoted where they hold white space, as Surefire splits its {@code argLine} as a shell does.
     */
    static String argLineWith(String existing, List<String> options, Predicate<String> replaced) {
        String kept = existing == null ? "" : existing.trim();
        if (Arrays.stream(kept.split("\\s+")).anyMatch(replaced)) {
            kept = Arrays.stream(kept.split("\\s+")).filter(replaced.negate()).collect(Collectors.joining(" "));
        }
        String added = options.stream()
                .map(o -> o.chars().anyMatch(Character::isWhitespace) ? "\"" + o + "\"" : o)
                .collect(Collectors.joining(" "));
        return kept.isEmpty() ? added : kept + " " + added;
    }

    MavenProgress progress() {
        return new MavenProgress(getLog(), showOutput);
    }
}
