package io.pkgimage.core.training;

import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.process.ForkedJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a JVM of a JDK is when it starts with given options: the facts an image records of the JVM that ran it. */
public final class JvmProbe {
    private static final Pattern PROPERTY =
            Pattern.compile("^\\s*(java\\.vm\\.vendor|java\\.runtime\\.version) = (.*)$");
    private static final Pattern FLAG = Pattern.compile("^\\s*bool (\\w+)\\s+= (true|false)\\b.*$");
    private static final List<String> GCS = List.of("G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon");

    private JvmProbe() {}

    /**
     * Starts {@code jdk}'s {@code java} with {@code options} once and reads its vendor, build, garbage collector and
     * heap layout, as a training JVM records them.
     *
     * @throws TrainingException if the JVM does not start with those options
     */
    public static TrainedOn trainedOn(Jdk jdk, List<String> options, Path work, Duration timeout) {
        List<String> args = new ArrayList<>(options);
        args.add("-XshowSettings:properties");
        args.add("-XX:+PrintFlagsFinal");
        args.add("-version");
        Map<String, String> values = new HashMap<>();
        ForkedJvm.Exit exit = ForkedJvm.run(jdk, args, work.resolve("probe.args"), work, Map.of(), timeout, line -> {
            for (Pattern p : List.of(PROPERTY, FLAG)) {
                Matcher m = p.matcher(line);
                if (m.matches()) {
                    values.putIfAbsent(m.group(1), m.group(2).trim());
                }
            }
        });
        if (exit.exitCode() != 0 || !values.containsKey("java.runtime.version")) {
            throw new TrainingException("The JVM did not start with the options " + options + " (exit code "
                    + exit.exitCode() + "). Command was: " + exit.commandLine() + exit.lastOutput());
        }
        String gc = GCS.stream()
                .filter(g -> "true".equals(values.get("Use" + g + "GC")))
                .findFirst()
                .orElse("unknown");
        return new TrainedOn(
                values.getOrDefault("java.vm.vendor", "unknown"),
                values.get("java.runtime.version"),
                jdk.feature(),
                gc,
                "true".equals(values.get("UseCompressedOops")));
    }
}
