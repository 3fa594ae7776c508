package io.pkgimage.junit.report;

import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.core.soundness.Verdict;
import io.pkgimage.junit.run.PairRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verdicts of a whole test run, per class the first test's latency plain vs imaged, and per batch its JVMs;
 * written as {@code report.json} and {@code report.html} under the work directory when the run ends.
 */
public final class SoundnessReport implements AutoCloseable {
    private record Row(String testClass, String test, String uniqueId, Verdict verdict) {}

    /** Per class: the first test's time and the class's time, plain and imaged, in ms, and its batch. */
    private record Latency(
            String firstTest, double plainFirstMs, double imagedFirstMs, double plainMs, double imagedMs, int batch) {}

    /** Per batch: its classes, its JVMs' wall times, and the classes of the images its imaged JVM loaded. */
    private record Batch(
            int number,
            int classes,
            long plainWallMs,
            long imagedWallMs,
            long imagedWaitedMs,
            long imageClassesFromArchive) {}

    private final Path directory;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Latency> classes = new LinkedHashMap<>();
    private final List<Batch> batches = new ArrayList<>();

    /** An empty report, to be written to {@code directory}. */
    public SoundnessReport(Path directory) {
        this.directory = directory;
    }

    /** Adds the verdict on the test {@code test} of {@code testClass}, whose unique id is {@code uniqueId}. */
    public synchronized void add(String testClass, String test, String uniqueId, Verdict verdict) {
        rows.add(new Row(testClass, test, uniqueId, verdict));
    }

    /** The verdicts so far, by kind. */
    public synchronized Map<Verdict.Kind, Integer> counts() {
        Map<Verdict.Kind, Integer> counts = new EnumMap<>(Verdict.Kind.class);
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            counts.put(kind, 0);
        }
        rows.forEach(r -> counts.merge(r.verdict().kind(), 1, Integer::sum));
        return counts;
    }

    /** Adds a class whose unique id is {@code unit}, judged in batch {@code batch} by the logs of its two JVMs. */
    public synchronized void addClass(String testClass, String unit, int batch, RunLog plain, RunLog imaged) {
        if (classes.containsKey(testClass)) {
            return;
        }
        Optional<RunLog.Node> first = plain.nodes().values().stream()
                .filter(n -> n.test() && n.uniqueId().startsWith(unit + "/"))
                .findFirst();
        double plainMs =
                first.flatMap(RunLog.Node::result).map(r -> r.micros() / 1000.0).orElse(0.0);
        double imagedMs = first.flatMap(n -> imaged.result(n.uniqueId()))
                .map(r -> r.micros() / 1000.0)
                .orElse(0.0);
        classes.put(
                testClass,
                new Latency(
                        first.map(RunLog.Node::displayName).orElse(""),
                        plainMs,
                        imagedMs,
                        plain.result(unit).map(r -> r.micros() / 1000.0).orElse(0.0),
                        imaged.result(unit).map(r -> r.micros() / 1000.0).orElse(0.0),
                        batch));
    }

    /** Adds batch {@code number} of {@code classes} test classes, run by {@code pair}. */
    public synchronized void addBatch(int number, int classes, PairRuns.Pair pair) {
        batches.add(new Batch(
                number,
                classes,
                pair.plain().exit().wallMillis(),
                pair.imaged().exit().wallMillis(),
                pair.imaged().waitedMillis(),
                pair.imaged().fromImages().size()));
    }

    @Override
    public synchronized void close() {
        if (rows.isEmpty() && classes.isEmpty()) {
            return;
        }
        Map<Verdict.Kind, Integer> counts = counts();
        AtomicFiles.writeString(directory.resolve("report.json"), json(counts));
        AtomicFiles.writeString(directory.resolve("report.html"), html(counts));
    }

    private String json(Map<Verdict.Kind, Integer> counts) {
        List<String> countFields = new ArrayList<>();
        counts.forEach((kind, n) -> {
            countFields.add(kind.name());
            countFields.add(String.valueOf(n));
        });
        return "{\n  \"counts\": " + object(countFields.toArray(String[]::new))
                + ",\n  \"classes\": ["
                + lines(classes.entrySet().stream().map(e -> {
                    Latency l = e.getValue();
                    return object(
                            "class", quote(e.getKey()),
                            "firstTest", quote(l.firstTest()),
                            "firstTestPlainMs", number(l.plainFirstMs()),
                            "firstTestImagedMs", number(l.imagedFirstMs()),
                            "classPlainMs", number(l.plainMs()),
                            "classImagedMs", number(l.imagedMs()),
                            "batch", String.valueOf(l.batch()));
                }))
                + "\n  ],\n  \"batches\": ["
                + lines(batches.stream()
                        .map(b -> object(
                                "batch", String.valueOf(b.number()),
                                "classes", String.valueOf(b.classes()),
                                "jvmPlainMs", String.valueOf(b.plainWallMs()),
                                "jvmImagedMs", String.valueOf(b.imagedWallMs()),
                                "imagedWaitedForArchiveMs", String.valueOf(b.imagedWaitedMs()),
                                "imageClassesFromArchive", String.valueOf(b.imageClassesFromArchive()))))
                + "\n  ],\n  \"tests\": ["
                + lines(rows.stream()
                        .map(r -> object(
                                "class", quote(r.testClass()),
                                "test", quote(r.test()),
                                "uniqueId", quote(r.uniqueId()),
                                "verdict", quote(r.verdict().kind().name()),
                                "detail", quote(r.verdict().detail()))))
                + "\n  ]\n}\n";
    }

    /** A JSON object of {@code namesAndValues}: each name followed by its value, already in JSON. */
    private static String object(String... namesAndValues) {
        StringBuilder object = new StringBuilder("{");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            object.append(i == 0 ? "" : ", ")
                    .append(quote(namesAndValues[i]))
                    .append(": ")
                    .append(namesAndValues[i + 1]);
        }
        return object.append('}').toString();
    }

    /** The elements of a JSON array, one an indented line. */
    private static String lines(Stream<String> elements) {
        return elements.map(e -> "\n    " + e).collect(Collectors.joining(","));
    }

    private String html(Map<Verdict.Kind, Integer> counts) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>pkgimage soundness</title><style>body{font-family:sans-serif}td,th{padding:2px 8px;"
                + "text-align:left;vertical-align:top}td.n{text-align:right}.SOUND{color:#080}"
                + ".IMAGE_DIVERGENCE,.MISSING{color:#b00}.UNSOUND_TEST,.FLAKY,.ORDER_DEPENDENT{color:#a60}pre{margin:0}</style>"
                + "</head><body>\n<h1>pkgimage soundness</h1>\n<p>");
        counts.forEach((kind, n) -> html.append("<span class=\"")
                .append(kind)
                .append("\">")
                .append(kind)
                .append(": ")
                .append(n)
                .append("</span> &nbsp; "));
        html.append("</p>\n<h2>First test of each class, plain vs imaged</h2>\n<table>\n<tr><th>class</th>"
                + "<th>first test</th><th>plain ms</th><th>imaged ms</th><th>imaged / plain</th>"
                + "<th>class plain ms</th><th>class imaged ms</th><th>batch</th></tr>\n");
        classes.forEach((name, l) -> html.append(row(
                cell(escape(name)),
                cell(escape(l.firstTest())),
                numberCell(number(l.plainFirstMs())),
                numberCell(number(l.imagedFirstMs())),
                numberCell(l.plainFirstMs() > 0 ? number(l.imagedFirstMs() / l.plainFirstMs()) : "-"),
                numberCell(number(l.plainMs())),
                numberCell(number(l.imagedMs())),
                numberCell(l.batch()))));
        html.append("</table>\n<h2>Batches: each in one plain and one imaged JVM</h2>\n<table>\n<tr><th>batch</th>"
                + "<th>classes</th><th>JVM plain ms</th><th>JVM imaged ms</th><th>imaged JVM waited for its archive ms</th>"
                + "<th>image classes from the archive</th>"
                + "</tr>\n");
        batches.forEach(b -> html.append(row(
                numberCell(b.number()),
                numberCell(b.classes()),
                numberCell(b.plainWallMs()),
                numberCell(b.imagedWallMs()),
                numberCell(b.imagedWaitedMs()),
                numberCell(b.imageClassesFromArchive()))));
        html.append("</table>\n<h2>Tests</h2>\n<table>\n<tr><th>class</th><th>test</th><th>verdict</th>"
                + "<th>detail</th></tr>\n");
        rows.forEach(r -> html.append(row(
                cell(escape(r.testClass())),
                cell(escape(r.test())),
                "<td class=\"" + r.verdict().kind() + "\">" + r.verdict().kind() + "</td>",
                cell("<pre>" + escape(r.verdict().detail()) + "</pre>"))));
        return html.append("</table>\n</body></html>\n").toString();
    }

    /** A table row of {@code cells}. */
    private static String row(String... cells) {
        return "<tr>" + String.join("", cells) + "</tr>\n";
    }

    /** A table cell of {@code html}. */
    private static String cell(String html) {
        return "<td>" + html + "</td>";
    }

    /** A table cell of a number, aligned right. */
    private static String numberCell(Object number) {
        return "<td class=\"n\">" + number + "</td>";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
