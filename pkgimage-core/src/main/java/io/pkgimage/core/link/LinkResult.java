package io.pkgimage.core.link;

import java.nio.file.Path;
import java.util.List;

/**
 * The outputs of a link.
 *
 * @param archive the CDS archive
 * @param argfile the JVM argument file that starts a JVM with it ({@code java @<argfile> Main})
 * @param report the readable link report
 * @param classpath the class path the archive holds for (folders replaced by their jars)
 * @param upToDate whether nothing changed since the last link, so nothing was done
 * @param fromCache whether the archive came from the shared cache
 * @param summary the report's lines
 */
public record LinkResult(
        Path archive,
        Path argfile,
        Path report,
        List<Path> classpath,
        boolean upToDate,
        boolean fromCache,
        List<String> summary) {

    /** The options that make a JVM map this link's archive or fail to start: never silently plain. */
    public List<String> mapping() {
        return mapping(archive);
    }

    /**
     * The options that make a JVM map {@code archive} or fail to start, where {@code -Xshare:auto} (the default) would
     * run without it and say nothing.
     */
    public static List<String> mapping(Path archive) {
        return List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive);
    }
}
