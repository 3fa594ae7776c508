package io.pkgimage.maven;

import io.pkgimage.core.compile.TestSelection;
import io.pkgimage.core.training.TestJvmRecording;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The parts of a module's Surefire (or Failsafe) configuration that shape how its tests run, so that training runs
 * them as {@code mvn test} (or {@code mvn verify}) does.
 *
 * <p>Each setting is read as the plugin reads its parameter: from its XML configuration when set there, else from its
 * property ({@code -DargLine}, {@code <properties><argLine>}, what {@code jacoco:prepare-agent} sets, {@code -Dtest},
 * {@code -Dgroups}, ...).
 *
 * @param selection the test classes and methods ({@code test}, includes and excludes with their files), groups and
 *     excludedGroups
 * @param systemProperties {@code systemPropertyVariables}
 * @param jvmArguments {@code argLine}, split into arguments, with {@code @{...}} and {@code ${...}} resolved, without
 *     a JaCoCo agent
 * @param environment {@code environmentVariables}
 * @param configurationParameters {@code <properties><configurationParameters>} (JUnit Platform)
 * @param workingDirectory {@code workingDirectory}, as written (relative to the module's folder), if set
 * @param notHonoured settings that are set but that training does not follow
 * @param unresolved property references in {@code argLine} that had no value and were left out
 * @param leftOut arguments of {@code argLine} that training leaves out (a coverage agent: training is not a test run
 *     whose coverage counts, and its data file is the build's)
 */
record SurefireSettings(
        TestSelection selection,
        Map<String, String> systemProperties,
        List<String> jvmArguments,
        Map<String, String> environment,
        Map<String, String> configurationParameters,
        java.util.Optional<String> workingDirectory,
        List<String> notHonoured,
        List<String> unresolved,
        List<String> leftOut) {

    /** The plugin whose settings are read. */
    enum Kind {
        /** Surefire: the plugin's configuration overlaid by its {@code default-test} execution's. */
        SUREFIRE(
                "org.apache.maven.plugins:maven-surefire-plugin",
                TestSelection.DEFAULT_INCLUDES,
                "test",
                "surefire",
                List.of("skip:maven.test.skip", "skipTests:skipTests", "skipExec:maven.test.skip.exec")),
        /** Failsafe: the plugin's configuration overlaid by those of its executions of {@code integration-test}. */
        FAILSAFE(
                "org.apache.maven.plugins:maven-failsafe-plugin",
                TestSelection.FAILSAFE_INCLUDES,
                "it.test",
                "failsafe",
                List.of(
                        "skip:maven.test.skip",
                        "skipTests:skipTests",
                        "skipITs:skipITs",
                        "skipExec:maven.test.skip.exec"));

        final String key;
        final List<String> defaultIncludes;
        final String testProperty;
        final String prefix;
        /** The skip parameters, each as {@code <parameter>:<property>}. */
        final List<String> skips;

        Kind(String key, List<String> defaultIncludes, String testProperty, String prefix, List<String> skips) {
            this.key = key;
            this.defaultIncludes = defaultIncludes;
            this.testProperty = testProperty;
            this.prefix = prefix;
            this.skips = skips;
        }

        /** The plugin's name, for messages. */
        String plugin() {
            return this == SUREFIRE ? "Surefire" : "Failsafe";
        }

        boolean runs(PluginExecution execution) {
            return this == SUREFIRE
                    ? "default-test".equals(execution.getId())
                    : execution.getGoals().contains("integration-test");
        }
    }

    private static final List<String> NOT_HONOURED = List.of(
            "forkCount",
            "reuseForks",
            "parallel",
            "threadCount",
            "dependenciesToScan",
            "classpathDependencyExcludes",
            "additionalClasspathElements",
            "systemPropertiesFile",
            "systemProperties",
            "testSourceDirectory",
            "useModulePath");
    private static final Pattern REFERENCE = Pattern.compile("[@$]\\{([^}]+)}");

    /** The Surefire settings of {@code project}. */
    static SurefireSettings of(MavenProject project, Kind kind, Function<String, String> properties) {
        return of(config(project, kind), kind, properties, project.getBasedir().toPath());
    }

    /**
     * The settings of {@code plugin} (plugin level, overlaid by the executions that run the tests); files named
     * relative to {@code basedir}.
     */
    static SurefireSettings of(Plugin plugin, Kind kind, Function<String, String> properties, Path basedir) {
        return of(plugin == null ? null : merged(plugin, kind), kind, properties, basedir);
    }

    /** The configuration of the plugin {@code kind} in {@code project}, merged as above, or null without the plugin. */
    private static Xpp3Dom config(MavenProject project, Kind kind) {
        Plugin plugin = project.getPlugin(kind.key);
        return plugin == null ? null : merged(plugin, kind);
    }

    /** The plugin's configuration overlaid by those of the executions that run the tests. */
    private static Xpp3Dom merged(Plugin plugin, Kind kind) {
        Xpp3Dom config = (Xpp3Dom) plugin.getConfiguration();
        for (PluginExecution execution : plugin.getExecutions()) {
            if (kind.runs(execution) && execution.getConfiguration() != null) {
                Xpp3Dom own = (Xpp3Dom) execution.getConfiguration();
                config = config == null ? own : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(own), new Xpp3Dom(config));
            }
        }
        return config;
    }

    static SurefireSettings of(Xpp3Dom config, Kind kind, Function<String, String> properties, Path basedir) {
        if (config == null) {
            config = new Xpp3Dom("configuration");
        }
        List<String> unresolved = new ArrayList<>();
        TestSelection selection = selection(config, kind, properties, basedir, unresolved);
        String argLine = setting(config, "argLine", "argLine", properties);
        List<String> jvmArguments = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        if (argLine != null) {
            // as Surefire: one fork, numbered 1; white space of any kind separates
            String line = argLine.replace("${surefire.forkNumber}", "1").replace("${surefire.threadNumber}", "1");
            for (String arg : split(resolve(line, properties, unresolved).replaceAll("\\s", " "))) {
                (leftOutOfTraining(arg) ? leftOut : jvmArguments).add(arg);
            }
        }
        Map<String, String> parameters = new TreeMap<>();
        // Surefire takes them in <properties><configurationParameters>, in the properties format
        Xpp3Dom providerProperties = config.getChild("properties");
        String raw = providerProperties == null ? null : value(providerProperties, "configurationParameters");
        if (raw != null) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(raw));
            } catch (IOException e) {
                throw new IllegalStateException("Reading a string cannot fail", e);
            }
            p.stringPropertyNames().forEach(k -> parameters.put(k, p.getProperty(k)));
        }
        List<String> ignored = new ArrayList<>();
        for (String name : NOT_HONOURED) {
            if (config.getChild(name) != null) {
                ignored.add(name);
            }
        }
        return new SurefireSettings(
                selection,
                map(config, "systemPropertyVariables"),
                jvmArguments,
                map(config, "environmentVariables"),
                parameters,
                java.util.Optional.ofNullable(value(config, "workingDirectory"))
                        .map(w -> resolve(w, properties, unresolved)),
                ignored,
                unresolved,
                leftOut);
    }

    /**
     * Whether training leaves {@code arg} of the tests' argLine out: a coverage agent (training is not a run whose
     * coverage counts, and its data file is the build's) or the options of an archive such as the one
     * {@code pkgimage:prepare-test} gives the test JVMs (training records what a JVM loads, not what an archive
     * held).
     */
    static boolean leftOutOfTraining(String arg) {
        return (arg.startsWith("-javaagent:") && arg.contains("org.jacoco.agent"))
                || arg.startsWith("-XX:SharedArchiveFile=")
                || arg.startsWith("-Xlog:cds")
                || TestJvmRecording.isRecordingOption(arg);
    }

    /** The Java agents ({@code -javaagent:}) of the tests' {@code argLine}, those training leaves out included. */
    List<String> agents() {
        List<String> agents = new ArrayList<>();
        for (List<String> args : List.of(jvmArguments, leftOut)) {
            args.stream().filter(a -> a.startsWith("-javaagent:")).forEach(agents::add);
        }
        return agents;
    }

    /**
     * Where the plugin {@code kind} of {@code project} writes its XML reports: its {@code reportsDirectory}, else
     * {@code target/surefire-reports} (or {@code failsafe-reports}).
     */
    static Path reportsDirectory(MavenProject project, Kind kind) {
        Xpp3Dom config = config(project, kind);
        String xml = config == null ? null : value(config, "reportsDirectory");
        return xml != null
                ? project.getBasedir().toPath().resolve(xml)
                : Path.of(project.getBuild().getDirectory(), kind.prefix + "-reports");
    }

    /**
     * Why the plugin skips its tests, read as it reads its skip parameters (XML, else property), if it does.
     */
    static java.util.Optional<String> skippedBy(Xpp3Dom config, Kind kind, Function<String, String> properties) {
        for (String skip : kind.skips) {
            String parameter = skip.substring(0, skip.indexOf(':'));
            String property = skip.substring(skip.indexOf(':') + 1);
            Xpp3Dom own = config == null ? new Xpp3Dom("configuration") : config;
            if (Boolean.parseBoolean(setting(own, parameter, property, properties))) {
                return java.util.Optional.of(
                        value(own, parameter) != null
                                ? "<" + parameter + "> is true in the " + kind.key.substring(kind.key.indexOf(':') + 1)
                                        + " configuration"
                                : "property '" + property + "' is true");
            }
        }
        return java.util.Optional.empty();
    }

    /** The {@code argLine} written in the XML of the plugin {@code kind} of {@code project}, as written, if any. */
    static java.util.Optional<String> xmlArgLine(MavenProject project, Kind kind) {
        Xpp3Dom config = config(project, kind);
        return java.util.Optional.ofNullable(config == null ? null : value(config, "argLine"));
    }

    /** The skip reason of the plugin {@code kind} of {@code project}, if it skips its tests. */
    static java.util.Optional<String> skippedBy(MavenProject project, Kind kind, Function<String, String> properties) {
        return skippedBy(config(project, kind), kind, properties);
    }

    /**
     * The test selection, with Surefire's rules: {@code test} (when set) replaces the includes and excludes; else
     * {@code includes} and the lines of {@code includesFile} (Surefire's defaults when both are empty), and
     * {@code excludes} and the lines of {@code excludesFile} (Surefire's default when both are empty). Method
     * patterns come from {@code test}, or from the files.
     */
    private static TestSelection selection(
            Xpp3Dom config, Kind kind, Function<String, String> properties, Path basedir, List<String> unresolved) {
        List<String> groups = csv(setting(config, "groups", "groups", properties));
        List<String> excludedGroups = csv(setting(config, "excludedGroups", "excludedGroups", properties));
        String test = setting(config, "test", kind.testProperty, properties);
        if (test != null) {
            List<String> tests = csv(resolve(test, properties, unresolved));
            return new TestSelection(
                    tests, List.of(), TestSelection.methodsOf(tests, List.of()), groups, excludedGroups);
        }
        List<String> fileIncludes =
                lines(setting(config, "includesFile", kind.prefix + ".includesFile", properties), basedir);
        List<String> fileExcludes =
                lines(setting(config, "excludesFile", kind.prefix + ".excludesFile", properties), basedir);
        List<String> includes = new ArrayList<>(listSetting(config, "includes", kind.prefix + ".includes", properties));
        includes.addAll(fileIncludes);
        List<String> excludes = new ArrayList<>(listSetting(config, "excludes", kind.prefix + ".excludes", properties));
        excludes.addAll(fileExcludes);
        return new TestSelection(
                includes.isEmpty() ? kind.defaultIncludes : includes,
                excludes.isEmpty() ? TestSelection.DEFAULT_EXCLUDES : excludes,
                TestSelection.methodsOf(fileIncludes, fileExcludes),
                groups,
                excludedGroups);
    }

    /** A parameter as the plugin reads it: its XML value when set, else its property. */
    private static String setting(
            Xpp3Dom config, String parameter, String property, Function<String, String> properties) {
        String xml = value(config, parameter);
        if (xml != null) {
            return xml;
        }
        String value = properties.apply(property);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> listSetting(
            Xpp3Dom config, String parameter, String property, Function<String, String> properties) {
        List<String> xml = list(config, parameter);
        return !xml.isEmpty() || config.getChild(parameter) != null ? xml : csv(properties.apply(property));
    }

    /** The patterns of an includes or excludes file: its lines, without blank ones and {@code #} comments. */
    private static List<String> lines(String file, Path basedir) {
        if (file == null) {
            return List.of();
        }
        Path path = basedir.resolve(file);
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the tests file '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Settings of a JVM that runs no tests: only its options. */
    static SurefireSettings ofJvmOptions(List<String> jvmOptions) {
        return new SurefireSettings(
                TestSelection.defaults(),
                Map.of(),
                jvmOptions,
                Map.of(),
                Map.of(),
                java.util.Optional.empty(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Each of {@code options} split as {@link #split} splits one, joined. */
    static List<String> splitAll(List<String> options) {
        List<String> all = new ArrayList<>();
        options.forEach(o -> all.addAll(split(o)));
        return all;
    }

    private static String value(Xpp3Dom config, String name) {
        Xpp3Dom child = config.getChild(name);
        if (child == null || child.getValue() == null || child.getValue().isBlank()) {
            return null;
        }
        return child.getValue().trim();
    }

    private static List<String> list(Xpp3Dom config, String name) {
        Xpp3Dom child = config.getChild(name);
        if (child == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Xpp3Dom item : child.getChildren()) {
            if (item.getValue() != null) {
                values.addAll(csv(item.getValue()));
            }
        }
        return values;
    }

    private static Map<String, String> map(Xpp3Dom config, String name) {
        Xpp3Dom child = config.getChild(name);
        Map<String, String> values = new LinkedHashMap<>();
        if (child != null) {
            for (Xpp3Dom item : child.getChildren()) {
                values.put(item.getName(), item.getValue() == null ? "" : item.getValue());
            }
        }
        return values;
    }

    private static List<String> csv(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Resolves {@code @{name}} and {@code ${name}}; references with no value are dropped and reported. */
    static String resolve(String text, Function<String, String> properties, List<String> unresolved) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = properties.apply(m.group(1));
            if (value == null) {
                unresolved.add(m.group());
                value = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Splits a command line as Surefire's argLine is split: on white space, keeping quoted parts together. */
    static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
