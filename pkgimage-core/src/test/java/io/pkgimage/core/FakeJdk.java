package io.pkgimage.core;

import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A JDK home whose {@code java} fails or lies in one way and otherwise runs the real JDK that runs the tests: its
 * {@code release} and {@code lib} are the real JDK's, its {@code bin/java} a script that looks at the arguments
 * (including those of an {@code @argfile}) and misbehaves when they are those of the step under test.
 */
public final class FakeJdk {
    /** How the fake {@code java} misbehaves. */
    public enum Mode {
        /** {@code -Xshare:dump} fails with exit code 7 and a line on standard error. */
        DUMP_FAILS,
        /** {@code -Xshare:dump} exits 0 but writes no archive. */
        DUMP_WRITES_NOTHING,
        /** A JVM started with {@code -Xshare:on} does not start, as when the archive cannot map. */
        PROOF_FAILS,
        /** A JVM started with {@code -Xshare:on} starts without the archive it was given: nothing comes from it. */
        IGNORES_THE_ARCHIVE
    }

    private FakeJdk() {}

    /** Makes the fake JDK home in {@code dir} and returns it as a {@link Jdk}. */
    public static Jdk make(Path dir, Mode mode) throws IOException {
        Jdk real = Jdks.current();
        Path home =
                Files.createDirectories(dir.resolve("fake-jdk-" + mode.name().toLowerCase(java.util.Locale.ROOT)));
        Files.copy(real.home().resolve("release"), home.resolve("release"));
        Files.createSymbolicLink(home.resolve("lib"), real.home().resolve("lib"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        String when =
                switch (mode) {
                    case DUMP_FAILS -> """
                    if [[ $all == *-Xshare:dump* ]]; then echo "fake JDK: the dump crashed" >&2; exit 7; fi
                    """;
                    case DUMP_WRITES_NOTHING -> """
                    if [[ $all == *-Xshare:dump* ]]; then echo "fake JDK: nothing dumped"; exit 0; fi
                    """;
                    case PROOF_FAILS -> """
                    if [[ $all == *-Xshare:on* ]]; then
                      echo "Error occurred during initialization of VM"; echo "Unable to use shared archive."; exit 1
                    fi
                    """;
                    case IGNORES_THE_ARCHIVE -> """
                    if [[ $all == *-Xshare:on* && $1 == @* ]]; then
                      plain="$(mktemp)"; grep -v -- '-XX:SharedArchiveFile=' "${1#@}" > "$plain"; shift
                      exec "$real" "@$plain" "$@"
                    fi
                    """;
                };
        String script = "#!/bin/bash\n"
                + "real='" + real.javaExecutable() + "'\n"
                + "all=\"$*\"\n"
                + "for a in \"$@\"; do if [[ $a == @* && -f ${a#@} ]]; then all=\"$all $(cat \"${a#@}\")\"; fi; done\n"
                + when
                + "exec \"$real\" \"$@\"\n";
        Path java = bin.resolve("java");
        Files.writeString(java, script);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Jdks.of(home);
    }
}
