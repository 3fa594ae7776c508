package io.pkgimage.junit.run;

import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.settings.SoundnessParameters;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/** The proof that a pair compared what it should: the images in effect in its imaged JVM, and only there. */
public final class Proof {
    private Proof() {}

    /**
     * The failure of a batch whose imaged JVM loaded no class of the images from its archive, or whose plain JVM did:
     * either way the comparison proves nothing. Empty when the proof holds.
     */
    public static Optional<AssertionFailedError> failure(PairRuns.Pair pair, List<MirrorDescriptor> units) {
        String classes = units.size() == 1 ? units.get(0).className() : units.size() + " test classes";
        PairRuns.Child imaged = pair.imaged();
        if (imaged.fromImages().isEmpty() && !imaged.log().nodes().isEmpty()) {
            return Optional.of(new AssertionFailedError("IMAGE_NOT_IN_EFFECT: the imaged JVM running " + classes
                    + " mapped the archive but loaded no class of the package images from it (see " + imaged.loadLog()
                    + "), so its results prove nothing. Are the images those of the classes under test ("
                    + SoundnessParameters.IMAGES + ")?"));
        }
        PairRuns.Child plain = pair.plain();
        if (!plain.fromImages().isEmpty()) {
            // the harness gives the plain JVM no archive of its own: one came from elsewhere (JAVA_TOOL_OPTIONS, say)
            return Optional.of(new AssertionFailedError("The plain JVM running " + classes + " loaded "
                    + plain.fromImages().size() + " classes of the package images from an archive (such as "
                    + plain.fromImages().get(0) + ", see " + plain.loadLog()
                    + "), so it was not plain and the comparison would prove nothing. Does JAVA_TOOL_OPTIONS or the"
                    + " environment give it -XX:SharedArchiveFile?"));
        }
        return Optional.empty();
    }
}
