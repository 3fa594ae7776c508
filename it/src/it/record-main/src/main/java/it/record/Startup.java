package it.record;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.Map;

/** The application's start: only its own run loads it (the tests test {@link Slug}). */
public final class Startup {
    private Startup() {}

    public static void main(String[] args) {
        Map<String, Object> greeting = new LinkedHashMap<>();
        greeting.put("greeting", System.getProperty("startup.greeting"));
        greeting.put("names", args);
        System.out.println("startup says " + new Gson().toJson(greeting));
    }
}
