package io.pkgimage.core.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Java agents ({@code -javaagent:}, as APM agents and JaCoCo are) and the archive of a JVM that runs one.
 *
 * <p>Measured on JDK 17 and 25: a JVM refuses to dump with an agent ("Must enable AllowArchivingWithJavaAgent"), so
 * the dump runs without it, from the options and from {@link #VARIABLES}. A JVM with an agent adds the module {@code
 * java.instrument}; on JDK 25 an archive dumped without that module does not map then ("Mismatched values for
 * property jdk.module.addmods"), and an AOT-linked one maps nothing at all, not even the JDK's classes. Dumped with
 * {@code --add-modules=java.instrument}, it maps with the agent (JDK 25, first Jackson call 79 ms against 268 ms
 * plain with the agent), and without the agent only when the run names the module too. JDK 17 maps either way.
 */
public final class JavaAgents {
    /** The environment variables through which the JVM and its launcher take options. */
    public static final List<String> VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    /** The option that makes a dump's module graph the one a JVM with an agent has. */
    public static final String INSTRUMENT_MODULE = "--add-modules=java.instrument";

    private JavaAgents() {}

    /** Whether a JVM started with {@code options} in {@code environment} runs a Java agent. */
    public static boolean present(List<String> options, Map<String, String> environment) {
        return options.stream().anyMatch(JavaAgents::isAgent)
                || VARIABLES.stream()
                        .map(environment::get)
                        .filter(v -> v != null)
                        .flatMap(v -> Arrays.stream(v.trim().split("\\s+")))
                        .anyMatch(JavaAgents::isAgent);
    }

    /** The dump's options for a run with {@code options}: without agents, with their module when there is one. */
    static List<String> dumpOptions(List<String> options, Map<String, String> environment) {
        List<String> result = new ArrayList<>();
        for (String option : options) {
            if (!isAgent(option)) {
                result.add(option);
            }
        }
        if (present(options, environment) && !result.contains(INSTRUMENT_MODULE)) {
            result.add(INSTRUMENT_MODULE);
        }
        return result;
    }

    /**
     * What the dump sets in its environment: {@link #VARIABLES} without their agents, an empty value meaning that the
     * variable is removed; nothing for a variable that holds none.
     */
    static Map<String, String> dumpEnvironment(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : VARIABLES) {
            String value = environment.get(name);
            if (value != null && present(List.of(), Map.of(name, value))) {
                result.put(
                        name,
                        Arrays.stream(value.trim().split("\\s+"))
                                .filter(o -> !isAgent(o))
                                .collect(Collectors.joining(" ")));
            }
        }
        return result;
    }

    private static boolean isAgent(String option) {
        return option.startsWith("-javaagent:");
    }
}
