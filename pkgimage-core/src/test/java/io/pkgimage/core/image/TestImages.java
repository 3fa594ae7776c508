package io.pkgimage.core.image;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Images of one {@value ImagePart#TESTS} part, as {@code pkgimage:compile} writes them, for tests. */
public final class TestImages {
    private TestImages() {}

    public static PackageImage tests(
            Coordinates coordinates,
            TrainedOn trainedOn,
            SortedMap<String, String> fingerprints,
            List<ClassEntry> ownClasses,
            SortedMap<Coordinates, List<ClassEntry>> dependencyClasses,
            List<ClassEntry> jdkClasses,
            List<String> lambdaFormInvokers,
            TrainingSummary training,
            String inputsSha256) {
        ImagePart part = new ImagePart(
                ImagePart.TESTS, training, inputsSha256, ownClasses, dependencyClasses, jdkClasses, lambdaFormInvokers);
        return new PackageImage(coordinates, trainedOn, fingerprints, Map.of(part.name(), part));
    }

    /** The image's tests part. */
    public static ImagePart testsPart(PackageImage image) {
        return image.part(ImagePart.TESTS).orElseThrow();
    }
}
