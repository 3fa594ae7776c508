package io.pkgimage.benchmarks;

import io.pkgimage.junit.latency.FirstCallMeasurement.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A bar chart of the first-call medians: one group per JDK and workload, one bar per configuration. */
final class Chart {
    private static final String[] COLOURS = {"#9e9e9e", "#1565c0", "#ef6c00"};
    private static final int BAR = 14;
    private static final int LABEL = 150;
    private static final int WIDTH = 460;

    private Chart() {}

    static String svg(List<FirstCallRun.Row> rows) {
        double max = 0;
        for (FirstCallRun.Row r : rows) {
            for (Samples s : samples(r)) {
                max = Math.max(max, s.median());
            }
        }
        StringBuilder svg = new StringBuilder();
        int y = 40;
        StringBuilder body = new StringBuilder();
        for (FirstCallRun.Row r : rows) {
            body.append(text(8, y + BAR, "JDK " + r.feature() + " " + r.workload(), "start"));
            List<Samples> all = samples(r);
            for (int i = 0; i < all.size(); i++) {
                Samples s = all.get(i);
                double w = Math.max(1, s.median() / max * WIDTH);
                body.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %.1f ms</title>"
                                + "</rect>%n",
                        LABEL,
                        y,
                        w,
                        BAR - 2,
                        COLOURS[i],
                        s.configuration(),
                        s.median()));
                body.append(text(
                        (int) (LABEL + w + 4),
                        y + BAR - 3,
                        String.format(Locale.ROOT, "%.1f ms %s", s.median(), s.configuration()),
                        "start"));
                y += BAR;
            }
            y += 10;
        }
        int height = y + 10;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"11\">%n",
                LABEL + WIDTH + 140,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(8, 20, "First call in a fresh JVM, median ms (plain, pkgimage, JDK AOT cache)", "start"));
        svg.append(body);
        return svg.append("</svg>\n").toString();
    }

    private static List<Samples> samples(FirstCallRun.Row r) {
        List<Samples> all = new ArrayList<>(List.of(r.plain(), r.imaged()));
        r.aot().ifPresent(all::add);
        return all;
    }

    private static String text(int x, int y, String s, String anchor) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n",
                x,
                y,
                anchor,
                s.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
