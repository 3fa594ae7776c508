package io.pkgimage.core;

/** Where long work reports what it is doing; the Maven plugin maps it to its log. */
public interface Progress {
    /** A line for the user: what is happening, how far it got. */
    void info(String message);

    /** Something the user should look at; the work goes on. */
    void warn(String message);

    /** A line the child JVM printed (test output); shown only when asked for. */
    void output(String line);

    /** A progress that prints nothing. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void output(String line) {}
        };
    }
}
