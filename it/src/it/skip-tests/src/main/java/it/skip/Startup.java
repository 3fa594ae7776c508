package it.skip;

/** A start-up that says it ran, so a skipped recording can be told from one that ran. */
public final class Startup {
    private Startup() {}

    public static void main(String[] args) {
        System.out.println("startup ran");
    }
}
