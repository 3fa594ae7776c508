package it.producer.words;

import com.google.gson.Gson;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public final class Words {
    private static final Gson GSON = new Gson();

    private Words() {}

    public static List<String> split(String text) {
        return Arrays.stream(text.split("\\W+")).filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    public static String toJson(String text) {
        return GSON.toJson(split(text));
    }
}
