package io.pkgimage.benchmarks;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.Progress;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import io.pkgimage.core.link.ImageLinker;
import io.pkgimage.core.link.LinkRequest;
import io.pkgimage.core.link.LinkResult;
import io.pkgimage.core.process.ForkedJvm;
import io.pkgimage.junit.latency.FirstCallMeasurement;
import io.pkgimage.junit.latency.FirstCallMeasurement.Configuration;
import io.pkgimage.junit.latency.FirstCallMeasurement.Samples;
import io.pkgimage.junit.latency.Stats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The full first-call run: for each JDK, links the images trained on it for this jar's class path, trains the JDK's
 * own whole-application AOT cache on each benchmark (JDK 24+), checks that every configuration computes the same
 * results, then measures every workload in every configuration, interleaved, and writes a table, the raw samples
 * and a chart.
 *
 * <pre>
 * java -jar benchmarks.jar [--forks N] [--out DIR] [--workloads jackson,gson,...] [--app JDK=PREFIX]... JDK=IMAGES_DIR...
 * </pre>
 *
 * where {@code JDK} is a feature release ({@code 25}) or a JDK home and {@code IMAGES_DIR} holds the package images
 * ({@code *-pkgimage.jar}) trained on that JDK. With {@code --app}, the sample application's whole process is a
 * workload too, started with the command lines in {@code PREFIX-plain.cmd}, {@code PREFIX-pkgimage.cmd} and {@code
 * PREFIX-aot.cmd}, as {@code samples/first-call.sh} writes them.
 */
public final class FirstCallRun {
    static final List<String> WORKLOADS = List.of("jackson", "gson", "guava", "lang3");

    private FirstCallRun() {}

    /** One row of the summary: a workload on a JDK. */
    record Row(int feature, String workload, Samples plain, Samples imaged, Optional<Samples> aot) {}

    /** A bad command line: the message says what is wrong. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String problem) {
            super(problem + "\nusage: java -jar benchmarks.jar [--forks N] [--out DIR] [--workloads "
                    + String.join(",", WORKLOADS) + "] [--app JDK=PREFIX]... JDK=IMAGES_DIR...");
        }
    }

    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } catch (UsageException e) {
            System.err.println("FirstCallRun: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args) throws IOException {
        int forks = 10;
        Path out = Path.of("target", "first-call").toAbsolutePath();
        List<String> workloads = WORKLOADS;
        Map<String, Path> jdks = new LinkedHashMap<>();
        Map<String, String> apps = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--forks" -> forks = positive(value(args, ++i, "--forks"));
                case "--out" -> out = Path.of(value(args, ++i, "--out")).toAbsolutePath();
                case "--workloads" -> workloads =
                        List.of(value(args, ++i, "--workloads").split(","));
                case "--app" -> {
                    String app = value(args, ++i, "--app");
                    int eq = app.indexOf('=');
                    if (eq <= 0) {
                        throw usage("--app takes JDK=PREFIX, not '" + app + "'");
                    }
                    apps.put(app.substring(0, eq), app.substring(eq + 1));
                }
                default -> {
                    int eq = args[i].indexOf('=');
                    if (eq <= 0) {
                        throw usage("'" + args[i] + "' is not JDK=IMAGES_DIR");
                    }
                    jdks.put(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)));
                }
            }
        }
        if (jdks.isEmpty()) {
            throw usage("no JDK=IMAGES_DIR given");
        }
        for (String w : workloads) {
            if (!WORKLOADS.contains(w)) {
                throw usage("unknown workload '" + w + "'; the workloads are " + WORKLOADS);
            }
        }
        // every JDK and images folder is checked before anything runs
        Map<Jdk, List<Path>> checked = new LinkedHashMap<>();
        Map<Jdk, Optional<String>> appCommands = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : jdks.entrySet()) {
            Jdk jdk = jdk(e.getKey());
            checked.put(jdk, images(e.getValue()));
            Optional<String> app = Optional.ofNullable(apps.remove(e.getKey()));
            for (String config : app.isPresent() ? List.of("plain", "pkgimage") : List.<String>of()) {
                Path file = Path.of(app.get() + "-" + config + ".cmd");
                if (!Files.isRegularFile(file)) {
                    throw usage("no command file '" + file + "'; samples/first-call.sh writes it");
                }
            }
            appCommands.put(jdk, app);
        }
        if (!apps.isEmpty()) {
            throw usage("--app for a JDK that is not measured: " + apps.keySet());
        }
        Path jar = ForkedJvm.locationOf(FirstCallRun.class);
        if (!Files.isRegularFile(jar)) {
            throw usage("run it from benchmarks.jar (java -jar bench/target/benchmarks.jar), not from " + jar);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Jdk, List<Path>> e : checked.entrySet()) {
            rows.addAll(runOn(e.getKey(), e.getValue(), appCommands.get(e.getKey()), jar, workloads, forks, out));
        }
        String table = table(rows, forks);
        Files.createDirectories(out);
        Files.writeString(out.resolve("first-call.md"), table, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("first-call.csv"), csv(rows), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("first-call.svg"), Chart.svg(rows), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        System.out.println(
                "Written: " + out.resolve("first-call.md") + ", first-call.csv (every sample), first-call.svg;"
                        + " JMH's result files under " + out.resolve("jmh"));
    }

    /** The property that points the whole-process workload at the configuration's command line, if there is one. */
    private static List<String> appCommand(Optional<String> app, String configuration) {
        return app.map(a -> List.of("-D" + FirstCallBenchmarks.APP_COMMAND + "=" + a + "-" + configuration + ".cmd"))
                .orElse(List.of());
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    static Jdk jdk(String spec) {
        try {
            return Jdks.standardLocations().resolve(spec);
        } catch (PkgImageException e) {
            throw usage(e.getMessage());
        }
    }

    static List<Path> images(Path dir) {
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(f -> f.getFileName().toString().endsWith("-pkgimage.jar"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw usage("cannot list the images folder '" + dir + "': " + e);
        }
        if (images.isEmpty()) {
            throw usage("no *-pkgimage.jar in '" + dir + "'; train them first (benchmarks/run.sh does)");
        }
        return images;
    }

    private static List<Row> runOn(
            Jdk jdk, List<Path> images, Optional<String> app, Path jar, List<String> libraries, int forks, Path out)
            throws IOException {
        List<String> workloads = new ArrayList<>(libraries);
        app.ifPresent(a -> workloads.add("app"));
        int f = jdk.feature();
        Path work = out.resolve("jdk" + f);
        System.out.println("== JDK " + f + " (" + jdk.home() + "): linking " + images.size() + " images for " + jar);
        LinkResult link = ImageLinker.link(
                LinkRequest.builder("benchmarks", jdk, work.resolve("link"))
                        .classpath(List.of(ClasspathEntry.test(jar)))
                        .images(images)
                        .strict(true)
                        .toolVersion("benchmarks")
                        .build(),
                printing());
        List<Configuration> configurations = new ArrayList<>();
        configurations.add(new Configuration("plain", jdk, appCommand(app, "plain")));
        configurations.add(new Configuration(
                "pkgimage",
                jdk,
                with(appCommand(app, "pkgimage"), link.mapping().toArray(String[]::new))));
        List<String> benchmarks = workloads.stream()
                .map(w -> FirstCallBenchmarks.class.getName() + "." + w)
                .collect(Collectors.toList());
        if (f >= 24) {
            Path caches = Files.createDirectories(work.resolve("aot"));
            System.out.println("== JDK " + f + ": training the JDK's AOT cache on each benchmark itself");
            for (String b : benchmarks) {
                Path cache = caches.resolve(b.substring(b.lastIndexOf('.') + 1) + ".aot");
                Files.deleteIfExists(cache);
                FirstCallMeasurement.measure(
                        List.of(b),
                        List.of(new Configuration(
                                "aot-training", jdk, with(appCommand(app, "plain"), "-XX:AOTCacheOutput=" + cache))),
                        List.of(jar),
                        1,
                        work.resolve("aot-training"),
                        line -> {});
                if (!Files.isRegularFile(cache)) {
                    throw new IllegalStateException("The JDK wrote no AOT cache at " + cache);
                }
            }
            configurations.add(new Configuration(
                    "aot",
                    jdk,
                    with(
                            appCommand(app, "aot"),
                            "-XX:AOTMode=on",
                            "-XX:AOTCache=" + caches.resolve(FirstCallMeasurement.BENCHMARK + ".aot"))));
        }
        sameResults(jdk, jar, link, libraries);
        System.out.println("== JDK " + f + ": " + forks + " fresh JVMs per workload and configuration, interleaved");
        List<Samples> samples = FirstCallMeasurement.measure(
                benchmarks, configurations, List.of(jar), forks, work.resolve("jmh"), System.out::println);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < workloads.size(); i++) {
            String b = benchmarks.get(i);
            Map<String, Samples> byConfig = samples.stream()
                    .filter(s -> s.benchmark().equals(b))
                    .collect(Collectors.toMap(Samples::configuration, s -> s));
            rows.add(new Row(
                    f,
                    workloads.get(i),
                    byConfig.get("plain"),
                    byConfig.get("pkgimage"),
                    Optional.ofNullable(byConfig.get("aot"))));
        }
        return rows;
    }

    /** A faster wrong answer is worthless: the imaged JVM must compute what the plain one does. */
    private static void sameResults(Jdk jdk, Path jar, LinkResult link, List<String> workloads) {
        List<String> plain =
                results(jdk, List.of(), jar, workloads, link.archive().resolveSibling("results-plain"));
        List<String> imaged =
                results(jdk, link.mapping(), jar, workloads, link.archive().resolveSibling("results-imaged"));
        if (!plain.equals(imaged)) {
            throw new IllegalStateException(
                    "The imaged JVM computed other results than the plain one: " + plain + " vs " + imaged);
        }
        System.out.println("same results plain and imaged: " + plain);
    }

    private static List<String> results(Jdk jdk, List<String> options, Path jar, List<String> workloads, Path dir) {
        List<String> args = new ArrayList<>(options);
        args.add("-cp");
        args.add(jar.toString());
        args.add(Workloads.class.getName());
        args.addAll(workloads);
        List<String> lines = new ArrayList<>();
        ForkedJvm.Exit exit = ForkedJvm.run(
                jdk, args, dir.resolve("java.args"), dir.getParent(), Map.of(), Duration.ofMinutes(2), lines::add);
        if (exit.exitCode() != 0) {
            throw new IllegalStateException("The workloads failed (exit code " + exit.exitCode() + "). Command was: "
                    + exit.commandLine() + exit.lastOutput());
        }
        return lines.stream().filter(l -> l.startsWith("result ")).collect(Collectors.toList());
    }

    static String table(List<Row> rows, int forks) {
        StringBuilder md = new StringBuilder();
        md.append("First call in a fresh JVM (JMH SingleShotTime, ")
                .append(forks)
                .append(" forks per configuration, interleaved; ")
                .append(LocalDate.now())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores). Median ms, p25–p75 in brackets.\n\n");
        md.append("| JDK | workload | plain | pkgimage | AOT cache | pkgimage / plain | pkgimage / AOT cache |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %s | %.2f | %s |%n",
                    r.feature(),
                    r.workload(),
                    cell(r.plain()),
                    cell(r.imaged()),
                    r.aot().map(FirstCallRun::cell).orElse("-"),
                    r.imaged().median() / r.plain().median(),
                    r.aot()
                            .map(a -> String.format(
                                    Locale.ROOT, "%.2f", r.imaged().median() / a.median()))
                            .orElse("-")));
        }
        md.append('\n');
        rows.stream().map(Row::feature).distinct().forEach(f -> {
            List<Double> ratios = rows.stream()
                    .filter(r -> r.feature() == f)
                    .map(r -> r.imaged().median() / r.plain().median())
                    .collect(Collectors.toList());
            md.append(String.format(
                    Locale.ROOT,
                    "JDK %d: median over the workloads of pkgimage / plain: %.2f%n",
                    f,
                    Stats.median(ratios)));
        });
        return md.toString();
    }

    private static String cell(Samples s) {
        return String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", s.median(), s.p25(), s.p75());
    }

    private static String csv(List<Row> rows) {
        StringBuilder csv = new StringBuilder("jdk,workload,configuration,fork,ms\n");
        for (Row r : rows) {
            List<Samples> all = new ArrayList<>(List.of(r.plain(), r.imaged()));
            r.aot().ifPresent(all::add);
            for (Samples s : all) {
                for (int i = 0; i < s.millis().size(); i++) {
                    csv.append(String.format(
                            Locale.ROOT,
                            "%d,%s,%s,%d,%.3f%n",
                            r.feature(),
                            r.workload(),
                            s.configuration(),
                            i + 1,
                            s.millis().get(i)));
                }
            }
        }
        return csv.toString();
    }

    private static Progress printing() {
        return new Progress() {
            @Override
            public void info(String message) {
                System.out.println(message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARNING: " + message);
            }

            @Override
            public void output(String line) {}
        };
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw usage(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("--forks takes a positive whole number, not '" + value + "'");
    }

    private static UsageException usage(String problem) {
        return new UsageException(problem);
    }
}
