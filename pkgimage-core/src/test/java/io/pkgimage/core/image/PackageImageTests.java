package io.pkgimage.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PackageImageTests {
    private static final String SHA = ImageCodecTests.Images.sha("x");

    @Test
    void collectionsAreSortedAndUnmodifiable() {
        PackageImage image = ImageCodecTests.Images.full();

        assertThat(image.ownClasses()).extracting(ClassEntry::name).isSorted();
        assertThat(image.jdkClasses()).extracting(ClassEntry::name).isSorted();
        image.dependencyClasses()
                .values()
                .forEach(v -> assertThat(v).extracting(ClassEntry::name).isSorted());
        assertThat(new ArrayList<>(image.dependencyClasses().keySet())).isSorted();
        assertThat(image.lambdaFormInvokers()).isSorted();
        assertThat(image.hotMethods()).isSorted();
        assertThat(image.dependencyImages()).isSorted();
        assertThatThrownBy(() -> image.ownClasses().add(image.ownClasses().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> image.fingerprints().put("x", SHA)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> image.dependencyClasses().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void laterChangesToTheGivenCollectionsDoNotLeakIn() {
        List<ClassEntry> own = new ArrayList<>(List.of(new ClassEntry("com/acme/A", Optional.of(SHA), List.of())));
        TreeMap<String, String> fingerprints = new TreeMap<>(Map.of("com/acme/A", SHA));
        PackageImage image = image(own, fingerprints);

        own.clear();
        fingerprints.clear();

        assertThat(image.ownClasses()).hasSize(1);
        assertThat(image.fingerprints()).containsOnlyKeys("com/acme/A");
    }

    @Test
    void aClassListedTwiceIsRejected() {
        List<ClassEntry> own = List.of(
                new ClassEntry("com/acme/A", Optional.of(SHA), List.of()),
                new ClassEntry("com/acme/A", Optional.empty(), List.of("@cp com/acme/A 1")));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> image(own, new TreeMap<>()))
                .withMessage("Class com/acme/A is listed twice");
    }

    @Test
    void classCountCountsEveryOwner() {
        assertThat(ImageCodecTests.Images.full().classCount()).isEqualTo(2 + 3 + 2);
    }

    @Test
    void withInputsChangesOnlyTheInputs() {
        PackageImage image = ImageCodecTests.Images.full();
        String other = ImageCodecTests.Images.sha("other inputs");

        PackageImage changed = image.withInputs(other);

        assertThat(changed.inputsSha256()).isEqualTo(other);
        assertThat(changed)
                .usingRecursiveComparison()
                .ignoringFields("inputsSha256")
                .isEqualTo(image);
    }

    @Test
    void classEntriesRejectWhatTheFormatCannotHold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClassEntry("com.acme.A", Optional.empty(), List.of()))
                .withMessage("Invalid internal class name 'com.acme.A'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClassEntry("com/acme/A", Optional.of("ABC"), List.of()))
                .withMessage("Invalid SHA-256 'ABC' for class com/acme/A");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClassEntry("com/acme/A", Optional.empty(), List.of("@cp com/acme/A 1\nclass x")))
                .withMessageStartingWith("Invalid classlist line for com/acme/A: ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClassEntry("com/acme/A", Optional.empty(), List.of("class com/acme/B")))
                .withMessage("Invalid classlist line for com/acme/A: 'class com/acme/B'");
    }

    @Test
    void coordinatesParseAndPrint() {
        assertThat(Coordinates.parse("org.dep:beta:1.0:jdk17"))
                .isEqualTo(new Coordinates("org.dep", "beta", "1.0", "jdk17"))
                .hasToString("org.dep:beta:1.0:jdk17");
        assertThat(Coordinates.parse("org.dep:beta:1.0")).hasToString("org.dep:beta:1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Coordinates.parse("org.dep:beta"))
                .withMessage("Expecting coordinates groupId:artifactId:version[:classifier] but got 'org.dep:beta'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Coordinates.parse("org dep:beta:1"))
                .withMessage("Invalid groupId 'org dep' in coordinates");
    }

    private static PackageImage image(List<ClassEntry> own, TreeMap<String, String> fingerprints) {
        return new PackageImage(
                Coordinates.of("com.acme", "a", "1"),
                new TrainedOn("v", "17", 17, "G1", true),
                fingerprints,
                own,
                new TreeMap<>(),
                List.of(),
                List.of(),
                new TrainingSummary("tests", 1, 0, 0, 1, List.of()),
                List.of(),
                List.of(),
                SHA);
    }
}
