package it.record;

/** Makes URL slugs. */
public final class Slug {
    private Slug() {}

    public static String of(String title) {
        return title.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
