package it.record;

/** A start-up that fails as it is told: {@code exit} ends the JVM with code 3, {@code throw} throws. */
public final class Startup {
    private Startup() {}

    public static void main(String[] args) {
        System.out.println("starting with " + String.join(" ", args));
        if (args[0].equals("exit")) {
            System.exit(3);
        }
        throw new IllegalStateException("the configuration file config/app.toml is missing");
    }
}
