package it.plain;

public record Point(int x, int y) {
    static final Point ORIGIN = init();

    private static Point init() {
        // training must load this class without initialising it
        System.out.println("Point initialised");
        return new Point(0, 0);
    }
}
