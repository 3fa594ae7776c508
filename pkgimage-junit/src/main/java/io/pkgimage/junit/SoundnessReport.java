package io.pkgimage.junit;

import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.soundness.TestRecord;
import io.pkgimage.core.soundness.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The verdicts of a whole test run and, per class, the first test's latency plain vs imaged; written as
 * {@code report.json} and {@code report.html} under the work directory when the run ends.
 */
final class SoundnessReport implements AutoCloseable {
    private record Row(String testClass, String test, String uniqueId, Verdict verdict) {}

    /** Per class: the first test's time and the child's wall time, plain and imaged, in ms. */
    private record Latency(
            String firstTest,
            double plainFirstMs,
            double imagedFirstMs,
            long plainWallMs,
            long imagedWallMs,
            long classesFromArchive) {}

    private final Path directory;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Latency> classes = new LinkedHashMap<>();

    private SoundnessReport(Path directory) {
        this.directory = directory;
    }

    static SoundnessReport of(ExtensionContext context) {
        Path directory = SoundnessSettings.workDirectory(context);
        return context.getRoot()
                .getStore(ImageSoundnessExtension.NAMESPACE)
                .computeIfAbsent(SoundnessReport.class, k -> new SoundnessReport(directory), SoundnessReport.class);
    }

    synchronized void add(ExtensionContext context, Verdict verdict) {
        rows.add(new Row(
                context.getRequiredTestClass().getName(), context.getDisplayName(), context.getUniqueId(), verdict));
    }

    synchronized void addClass(SoundnessRuns.Pair pair) {
        if (classes.containsKey(pair.testClass())) {
            return;
        }
        Optional<Map.Entry<String, TestRecord>> first =
                pair.plain().results().tests().entrySet().stream().findFirst();
        double plainMs = first.map(e -> e.getValue().micros() / 1000.0).orElse(0.0);
        double imagedMs = first.flatMap(e -> pair.imaged().test(e.getKey()))
                .map(r -> r.micros() / 1000.0)
                .orElse(0.0);
        classes.put(
                pair.testClass(),
                new Latency(
                        first.map(Map.Entry::getKey).orElse(""),
                        plainMs,
                        imagedMs,
                        pair.plain().wallMillis(),
                        pair.imaged().wallMillis(),
                        pair.imaged().classesFromArchive()));
    }

    @Override
    public synchronized void close() {
        if (rows.isEmpty() && classes.isEmpty()) {
            return;
        }
        Map<Verdict.Kind, Integer> counts = new EnumMap<>(Verdict.Kind.class);
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            counts.put(kind, 0);
        }
        rows.forEach(r -> counts.merge(r.verdict().kind(), 1, Integer::sum));
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
                    .append(", \"jvmPlainMs\": ")
                    .append(l.plainWallMs())
                    .append(", \"jvmImagedMs\": ")
                    .append(l.imagedWallMs())
                    .append(", \"imageClassesFromArchive\": ")
                    .append(l.classesFromArchive())
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
                + ".IMAGE_DIVERGENCE,.MISSING{color:#b00}.UNSOUND_TEST,.FLAKY{color:#a60}pre{margin:0}</style>"
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
                + "<th>JVM plain ms</th><th>JVM imaged ms</th><th>image classes from the archive</th></tr>\n");
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
                .append(l.plainWallMs())
                .append("</td><td class=\"n\">")
                .append(l.imagedWallMs())
                .append("</td><td class=\"n\">")
                .append(l.classesFromArchive())
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
