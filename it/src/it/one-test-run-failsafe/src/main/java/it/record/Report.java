package it.record;

import com.google.gson.GsonBuilder;
import java.util.Map;

/** Renders a report as JSON; only the integration tests use it. */
public final class Report {
    private Report() {}

    public static String render(String title, Map<String, Integer> rows) {
        return new GsonBuilder().setPrettyPrinting().create().toJson(Map.of("title", title, "rows", rows));
    }
}
