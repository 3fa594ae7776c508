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

        assertThat(TestImages.testsPart(image).ownClasses())
                .extracting(ClassEntry::name)
                .isSorted();
        assertThat(TestImages.testsPart(image).jdkClasses())
                .extracting(ClassEntry::name)
                .isSorted();
        TestImages.testsPart(image).dependencyClasses().values().forEach(v -> assertThat(v)
                .extracting(ClassEntry::name)
                .isSorted());
        assertThat(new ArrayList<>(
                        TestImages.testsPart(image).dependencyClasses().keySet()))
                .isSorted();
        assertThat(TestImages.testsPart(image).lambdaFormInvokers()).isSorted();
        assertThatThrownBy(() -> TestImages.testsPart(image)
                        .ownClasses()
                        .add(TestImages.testsPart(image).ownClasses().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> image.fingerprints().put("x", SHA)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> TestImages.testsPart(image).dependencyClasses().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void laterChangesToTheGivenCollectionsDoNotLeakIn() {
        List<ClassEntry> own = new ArrayList<>(List.of(new ClassEntry("com/acme/A", Optional.of(SHA), List.of())));
        TreeMap<String, String> fingerprints = new TreeMap<>(Map.of("com/acme/A", SHA));
        PackageImage image = image(own, fingerprints);

        own.clear();
        fingerprints.clear();

        assertThat(TestImages.testsPart(image).ownClasses()).hasSize(1);
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
    void withReplacesOnePartAndKeepsTheOthers() {
        PackageImage image = ImageCodecTests.Images.full();
        ImagePart main = new ImagePart(
                ImagePart.MAIN,
                new TrainingSummary("main", 1, 0, 0, 10, List.of()),
                ImageCodecTests.Images.sha("main inputs"),
                List.of(new ClassEntry("com/acme/Main", Optional.of(SHA), List.of())),
                new TreeMap<>(),
                List.of(),
                List.of());
        TreeMap<String, String> now = new TreeMap<>(Map.of("com/acme/Main", SHA));

        PackageImage both = image.with(main, now);
        PackageImage again = both.with(main, now);

        assertThat(both.parts()).containsOnlyKeys(ImagePart.TESTS, ImagePart.MAIN);
        assertThat(both.parts().keySet()).containsExactly(ImagePart.TESTS, ImagePart.MAIN);
        assertThat(both.part(ImagePart.TESTS)).contains(TestImages.testsPart(image));
        assertThat(both.fingerprints()).isEqualTo(now);
        assertThat(again).isEqualTo(both);
        assertThat(both.classCount()).isEqualTo(image.classCount() + 1);
    }

    @Test
    void partsAccumulateAcrossSessions() {
        ClassEntry early = new ClassEntry("com/acme/A", Optional.of(SHA), List.of("@cp com/acme/A 1"));
        ClassEntry later = new ClassEntry("com/acme/A", Optional.of(SHA), List.of("@cp com/acme/A 2"));
        String changedSha = ImageCodecTests.Images.sha("changed");
        ClassEntry changed = new ClassEntry("com/acme/B", Optional.of(changedSha), List.of());
        TrainingSummary summary = new TrainingSummary("shell", 1, 0, 0, 1, List.of());
        ImagePart first = new ImagePart(
                ImagePart.SHELL,
                summary,
                SHA,
                List.of(early, new ClassEntry("com/acme/B", Optional.of(SHA), List.of("@cp com/acme/B 1"))),
                new TreeMap<>(),
                List.of(),
                List.of());
        ImagePart second = new ImagePart(
                ImagePart.SHELL, summary, SHA, List.of(later, changed), new TreeMap<>(), List.of(), List.of());

        ImagePart both = first.plus(second, summary, SHA);

        assertThat(both.ownClasses())
                .containsExactly(
                        new ClassEntry("com/acme/A", Optional.of(SHA), List.of("@cp com/acme/A 1", "@cp com/acme/A 2")),
                        changed);
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
        return TestImages.tests(
                Coordinates.of("com.acme", "a", "1"),
                new TrainedOn("v", "17", 17, "G1", true),
                fingerprints,
                own,
                new TreeMap<>(),
                List.of(),
                List.of(),
                new TrainingSummary("tests", 1, 0, 0, 1, List.of()),
                SHA);
    }
}
