package io.pkgimage.junit;

import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.soundness.RunLog;
import io.pkgimage.core.soundness.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The verdicts of a whole test run, per class the first test's latency plain vs imaged, and per batch its JVMs;
 * written as {@code report.json} and {@code report.html} under the work directory when the run ends.
 */
final class SoundnessReport implements AutoCloseable {
    private record Row(String testClass, String test, String uniqueId, Verdict verdict) {}

    /** Per class: the first test's time and the class's time, plain and imaged, in ms, and its batch. */
    private record Latency(
            String firstTest, double plainFirstMs, double imagedFirstMs, double plainMs, double imagedMs, int batch) {}

    /** Per batch: its classes, its JVMs' wall times, and the classes of the images its imaged JVM loaded. */
    private record Batch(int number, int classes, long plainWallMs, long imagedWallMs, long imageClassesFromArchive) {}

    private final Path directory;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Latency> classes = new LinkedHashMap<>();
    private final List<Batch> batches = new ArrayList<>();

    SoundnessReport(Path directory) {
        this.directory = directory;
    }

    synchronized void add(String testClass, String test, String uniqueId, Verdict verdict) {
        rows.add(new Row(testClass, test, uniqueId, verdict));
    }

    /** The verdicts so far, by kind. */
    synchronized Map<Verdict.Kind, Integer> counts() {
        Map<Verdict.Kind, Integer> counts = new EnumMap<>(Verdict.Kind.class);
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            counts.put(kind, 0);
        }
        rows.forEach(r -> counts.merge(r.verdict().kind(), 1, Integer::sum));
        return counts;
    }

    /** Adds a class whose unique id is {@code unit}, judged in batch {@code batch} by the logs of its two JVMs. */
    synchronized void addClass(String testClass, String unit, int batch, RunLog plain, RunLog imaged) {
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

    synchronized void addBatch(int number, int classes, PairRuns.Pair pair) {
        batches.add(new Batch(
                number,
                classes,
                pair.plain().exit().wallMillis(),
                pair.imaged().exit().wallMillis(),
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
        StringBuilder json = new StringBuilder("{\n  \"counts\": {");
        String sep = "";
        for (Map.Entry<Verdict.Kind, Integer> c : counts.entrySet()) {
            json.append(sep).append(quote(c.getKey().name())).append(": ").append(c.getValue());
            sep = ", ";
        }
        json.append("},\n  \"classes\": [");
        sep = "\n";
        for (Map.Entry<String, Latency> e : classes.entrySet()) {
            Latency l = e.getValue();
            json.append(sep)
                    .append("    {\"class\": ")
                    .append(quote(e.getKey()))
                    .append(", \"firstTest\": ")
                    .append(quote(l.firstTest()))
                    .append(", \"firstTestPlainMs\": ")
                    .append(number(l.plainFirstMs()))
                    .append(", \"firstTestImagedMs\": ")
                    .append(number(l.imagedFirstMs()))
                    .append(", \"classPlainMs\": ")
                    .append(number(l.plainMs()))
                    .append(", \"classImagedMs\": ")
                    .append(number(l.imagedMs()))
                    .append(", \"batch\": ")
                    .append(l.batch())
                    .append('}');
            sep = ",\n";
        }
        json.append("\n  ],\n  \"batches\": [");
        sep = "\n";
        for (Batch b : batches) {
            json.append(sep)
                    .append("    {\"batch\": ")
                    .append(b.number())
                    .append(", \"classes\": ")
                    .append(b.classes())
                    .append(", \"jvmPlainMs\": ")
                    .append(b.plainWallMs())
                    .append(", \"jvmImagedMs\": ")
                    .append(b.imagedWallMs())
                    .append(", \"imageClassesFromArchive\": ")
                    .append(b.imageClassesFromArchive())
                    .append('}');
            sep = ",\n";
        }
        json.append("\n  ],\n  \"tests\": [");
        sep = "\n";
        for (Row r : rows) {
            json.append(sep)
                    .append("    {\"class\": ")
                    .append(quote(r.testClass()))
                    .append(", \"test\": ")
                    .append(quote(r.test()))
                    .append(", \"uniqueId\": ")
                    .append(quote(r.uniqueId()))
                    .append(", \"verdict\": ")
                    .append(quote(r.verdict().kind().name()))
                    .append(", \"detail\": ")
                    .append(quote(r.verdict().detail()))
                    .append('}');
            sep = ",\n";
        }
        return json.append("\n  ]\n}\n").toString();
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
        classes.forEach((name, l) -> html.append("<tr><td>")
                .append(escape(name))
                .append("</td><td>")
                .append(escape(l.firstTest()))
                .append("</td><td class=\"n\">")
                .append(number(l.plainFirstMs()))
                .append("</td><td class=\"n\">")
                .append(number(l.imagedFirstMs()))
                .append("</td><td class=\"n\">")
                .append(l.plainFirstMs() > 0 ? number(l.imagedFirstMs() / l.plainFirstMs()) : "-")
                .append("</td><td class=\"n\">")
                .append(number(l.plainMs()))
                .append("</td><td class=\"n\">")
                .append(number(l.imagedMs()))
                .append("</td><td class=\"n\">")
                .append(l.batch())
                .append("</td></tr>\n"));
        html.append("</table>\n<h2>Batches: each in one plain and one imaged JVM</h2>\n<table>\n<tr><th>batch</th>"
                + "<th>classes</th><th>JVM plain ms</th><th>JVM imaged ms</th><th>image classes from the archive</th>"
                + "</tr>\n");
        batches.forEach(b -> html.append("<tr><td class=\"n\">")
                .append(b.number())
                .append("</td><td class=\"n\">")
                .append(b.classes())
                .append("</td><td class=\"n\">")
                .append(b.plainWallMs())
                .append("</td><td class=\"n\">")
                .append(b.imagedWallMs())
                .append("</td><td class=\"n\">")
                .append(b.imageClassesFromArchive())
                .append("</td></tr>\n"));
        html.append("</table>\n<h2>Tests</h2>\n<table>\n<tr><th>class</th><th>test</th><th>verdict</th>"
                + "<th>detail</th></tr>\n");
        for (Row r : rows) {
            html.append("<tr><td>")
                    .append(escape(r.testClass()))
                    .append("</td><td>")
                    .append(escape(r.test()))
                    .append("</td><td class=\"")
                    .append(r.verdict().kind())
                    .append("\">")
                    .append(r.verdict().kind())
                    .append("</td><td><pre>")
                    .append(escape(r.verdict().detail()))
                    .append("</pre></td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
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
