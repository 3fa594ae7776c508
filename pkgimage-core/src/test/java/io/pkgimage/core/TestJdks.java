package io.pkgimage.core;

import io.pkgimage.core.jdk.InvalidJdkException;
import io.pkgimage.core.jdk.Jdk;
import io.pkgimage.core.jdk.Jdks;

/** The JDKs the tests run on besides the one running them: a JDK 25, found where JDKs are installed. */
public final class TestJdks {
    private TestJdks() {}

    /**
     * An installed JDK 25.
     *
     * @throws AssertionError saying what to install when there is none: the tests prove images on JDK 25 too, and a
     *     build that skipped them would claim what it did not check
     */
    public static Jdk jdk25() {
        try {
            return Jdks.standardLocations().resolve("25");
        } catch (InvalidJdkException e) {
            throw new AssertionError(
                    "The tests need a JDK 25 (images are trained, linked and proven on JDK 17 and"
                            + " 25): " + e.getMessage() + ". Install one, such as Temurin 25 in /usr/lib/jvm (see the"
                            + " README's requirements).",
                    e);
        }
    }
}
