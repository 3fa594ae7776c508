package io.pkgimage.core.link;

import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a JVM started from a link's argfile does when the archive cannot map at run time: a jar replaced after the
 * link, another JVM build, another garbage collector or heap layout, a damaged archive.
 *
 * <p>Measured: JDK 25, given {@code -XX:SharedArchiveFile}, logs why an archive does not map at warning level (one to
 * four lines, such as {@code [warning][cds] The shared archive file has been truncated.}); JDK 17 logs it at info
 * level only, among some thirty lines it also prints when the archive maps, so a JDK 17 JVM can refuse to start or
 * run plain silently, nothing between.
 */
public enum MapFailure {
    /** Refuse to start ({@code -Xshare:on}): for runs where a plain JVM would be a fault. */
    FAIL,
    /**
     * Run without the archive and say why on standard error, leaving the program's standard output alone: the
     * default, since a service should not fail to start for want of a faster start, nor lose it unseen. JDK 17 cannot
     * warn (see above): there it runs plain silently, and the link says so.
     */
    WARN,
    /** Run without the archive and say nothing. */
    ACCEPT;

    /** The JVM options, before {@code -XX:SharedArchiveFile}, that give this behaviour on {@code jdk}. */
    public List<String> options(Jdk jdk) {
        return switch (this) {
            case FAIL -> List.of("-Xshare:on");
            case WARN -> canWarn(jdk) ? List.of("-Xlog:cds=off", "-Xlog:cds=warning:stderr") : List.of();
            case ACCEPT -> canWarn(jdk) ? List.of("-Xlog:cds=off") : List.of();
        };
    }

    /** The JVM options that map {@code archive} on {@code jdk} with this behaviour when it cannot map. */
    public List<String> mapping(Jdk jdk, Path archive) {
        List<String> options = new ArrayList<>(options(jdk));
        options.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        return options;
    }

    /** Whether a JVM of {@code jdk} can say, at warning level, that an archive did not map (JDK 17 cannot). */
    public static boolean canWarn(Jdk jdk) {
        return jdk.feature() > 17;
    }

    /**
     * The policy named {@code name} ({@code fail}, {@code warn} or {@code accept}, any case).
     *
     * @throws IllegalArgumentException naming the three
     */
    public static MapFailure of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a policy for an archive that cannot map: use warn, fail or accept");
        }
    }
}
