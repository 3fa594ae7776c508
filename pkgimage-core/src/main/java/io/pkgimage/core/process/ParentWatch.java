package io.pkgimage.core.process;

import java.io.IOException;

/**
 * For the {@code main} of a child JVM started by {@link ForkedJvm}: halts the child when its parent dies, which the
 * child sees as the end of its standard input (the parent keeps it open and writes nothing).
 */
public final class ParentWatch {
    /** The exit code of a child halted because its parent is gone. */
    public static final int PARENT_GONE = 3;

    private ParentWatch() {}

    /** Starts a daemon thread that halts this JVM once standard input ends. */
    public static void start() {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // the parent writes nothing; end of input means it is gone
                        }
                    } catch (IOException e) {
                        // same as end of input
                    }
                    Runtime.getRuntime().halt(PARENT_GONE);
                },
                "pkgimage-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
