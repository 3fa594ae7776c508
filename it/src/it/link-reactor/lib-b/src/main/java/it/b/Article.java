package it.b;

import com.google.gson.Gson;
import it.a.Slug;

public record Article(String title, String slug) {
    private static final Gson GSON = new Gson();

    public static Article titled(String title) {
        return new Article(title, Slug.of(title));
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    public static Article fromJson(String json) {
        return GSON.fromJson(json, Article.class);
    }
}
