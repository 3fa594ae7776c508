package it.plain;

import com.google.gson.Gson;

public final class PointJson {
    private static final Gson GSON = new Gson();

    public String write(Point p) {
        return GSON.toJson(p);
    }
}
