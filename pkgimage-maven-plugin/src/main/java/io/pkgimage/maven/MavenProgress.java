package io.pkgimage.maven;

import io.pkgimage.core.Progress;
import org.apache.maven.plugin.logging.Log;

/** Reports core's progress in the Maven log; child JVM output only with {@code -X} or when asked for. */
final class MavenProgress implements Progress {
    private final Log log;
    private final boolean showOutput;

    MavenProgress(Log log, boolean showOutput) {
        this.log = log;
        this.showOutput = showOutput;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void output(String line) {
        if (showOutput) {
            log.info("[jvm] " + line);
        } else if (log.isDebugEnabled()) {
            log.debug("[jvm] " + line);
        }
    }
}
