package it.o;

public final class Strings {
    private Strings() {}

    public static String shout(String s) {
        return s.toUpperCase(java.util.Locale.ROOT) + "!";
    }
}
