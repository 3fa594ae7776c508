package io.pkgimage.maven;

import io.pkgimage.core.compile.TestSelection;
import java.io.IOException;
import java.io.StringReader;
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
 * @param selection includes, excludes, groups and excludedGroups
 * @param systemProperties {@code systemPropertyVariables}
 * @param jvmArguments {@code argLine}, split into arguments, with {@code @{...}} and {@code ${...}} resolved
 * @param environment {@code environmentVariables}
 * @param configurationParameters {@code <properties><configurationParameters>} (JUnit Platform)
 * @param workingDirectory {@code workingDirectory}, as written (relative to the module's folder), if set
 * @param notHonoured settings that are set but that training does not follow
 * @param unresolved property references in {@code argLine} that had no value and were left out
 */
record SurefireSettings(
        TestSelection selection,
        Map<String, String> systemProperties,
        List<String> jvmArguments,
        Map<String, String> environment,
        Map<String, String> configurationParameters,
        java.util.Optional<String> workingDirectory,
        List<String> notHonoured,
        List<String> unresolved) {

    /** The plugin whose settings are read. */
    enum Kind {
        /** Surefire: the plugin's configuration overlaid by its {@code default-test} execution's. */
        SUREFIRE("org.apache.maven.plugins:maven-surefire-plugin", TestSelection.DEFAULT_INCLUDES),
        /** Failsafe: the plugin's configuration overlaid by those of its executions of {@code integration-test}. */
        FAILSAFE("org.apache.maven.plugins:maven-failsafe-plugin", TestSelection.FAILSAFE_INCLUDES);

        final String key;
        final List<String> defaultIncludes;

        Kind(String key, List<String> defaultIncludes) {
            this.key = key;
            this.defaultIncludes = defaultIncludes;
        }

        boolean runs(PluginExecution execution) {
            return this == SUREFIRE
                    ? "default-test".equals(execution.getId())
                    : execution.getGoals().contains("integration-test");
        }
    }

    private static final List<String> NOT_HONOURED = List.of(
            "test",
            "forkCount",
            "reuseForks",
            "parallel",
            "threadCount",
            "dependenciesToScan",
            "classpathDependencyExcludes",
            "additionalClasspathElements",
            "includesFile",
            "excludesFile",
            "systemPropertiesFile",
            "systemProperties",
            "testSourceDirectory",
            "skipTests",
            "skip",
            "useModulePath");
    private static final Pattern REFERENCE = Pattern.compile("[@$]\\{([^}]+)}");

    /** The Surefire settings of {@code project}. */
    static SurefireSettings of(MavenProject project, Kind kind, Function<String, String> properties) {
        return of(project.getPlugin(kind.key), kind, properties);
    }

    /** The settings of {@code plugin} (plugin level, overlaid by the executions that run the tests). */
    static SurefireSettings of(Plugin plugin, Kind kind, Function<String, String> properties) {
        Xpp3Dom config = plugin == null ? null : (Xpp3Dom) plugin.getConfiguration();
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                if (kind.runs(execution) && execution.getConfiguration() != null) {
                    Xpp3Dom own = (Xpp3Dom) execution.getConfiguration();
                    config = config == null ? own : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(own), new Xpp3Dom(config));
                }
            }
        }
        return of(config, kind, properties);
    }

    static SurefireSettings of(Xpp3Dom config, Kind kind, Function<String, String> properties) {
        if (config == null) {
            config = new Xpp3Dom("configuration");
        }
        List<String> unresolved = new ArrayList<>();
        List<String> includes = list(config, "includes");
        TestSelection selection = new TestSelection(
                includes.isEmpty() ? kind.defaultIncludes : includes,
                list(config, "excludes"),
                csv(value(config, "groups")),
                csv(value(config, "excludedGroups")));
        String argLine = value(config, "argLine");
        List<String> jvmArguments = argLine == null ? List.of() : split(resolve(argLine, properties, unresolved));
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
                unresolved);
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
