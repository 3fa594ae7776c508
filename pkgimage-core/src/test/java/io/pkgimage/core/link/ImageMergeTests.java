package io.pkgimage.core.link;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.ImagePart;
import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.image.TestImages;
import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.image.TrainingSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of package images into one classlist, checked against a classpath of small folders and jars. */
class ImageMergeTests {
    private static final Coordinates APP = Coordinates.of("com.acme", "app", "1.0");
    private static final Coordinates LIB = Coordinates.of("com.acme", "lib", "1.0");
    private static final Coordinates DEP = Coordinates.of("org.dep", "dep", "2.0");

    private static final String INVOKER_BASE =
            "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L";
    private static final String INVOKER_A =
            "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.Invokers$Holder invokeExact_MT L8_L";
    private static final String INVOKER_B =
            "@lambda-form-invoker [SPECIES_RESOLVE] java.lang.invoke.BoundMethodHandle$Species_L";
    private static final String PROXY_A = "@lambda-proxy com/acme/A get ()Ljava/util/function/Supplier;"
            + " ()Ljava/lang/Object; REF_invokeStatic com/acme/A lambda$main$0 ()Ljava/lang/String;"
            + " ()Ljava/lang/String;";
    private static final String PROXY_L = "@lambda-proxy com/acme/lib/L run ()Ljava/lang/Runnable; ()V"
            + " REF_invokeStatic com/acme/lib/L lambda$run$0 ()V ()V";
    private static final String PROXY_D = "@lambda-proxy org/dep/D apply ()Ljava/util/function/Function;"
            + " (Ljava/lang/Object;)Ljava/lang/Object; REF_invokeStatic org/dep/D lambda$f$0"
            + " (Ljava/lang/String;)Ljava/lang/String; (Ljava/lang/String;)Ljava/lang/String;";

    /** The JDK's own default classlist, in an order that is not alphabetical. */
    private static final RecordedClassList BASE = RecordedClassList.parse(List.of(
            "# the JDK's default classlist",
            "java/lang/String id: 0",
            "java/lang/Object id: 1",
            "java/lang/Thread id: 2",
            INVOKER_BASE));

    @TempDir
    Path dir;

    private ClasspathEntry app;
    private ClasspathEntry lib;
    private ClasspathEntry dep;

    @BeforeEach
    void classpath() throws IOException {
        app = ClasspathEntry.self(folder("app", Map.of("com/acme/A.class", "A v1", "com/acme/B.class", "B v1")), APP);
        lib = ClasspathEntry.dependency(jar("lib.jar", Map.of("com/acme/lib/L.class", "L v1")), LIB);
        dep = ClasspathEntry.dependency(jar("dep.jar", Map.of("org/dep/D.class", "D v1")), DEP);
    }

    @Test
    void idsAreRenumberedFromZeroWithoutDuplicates() {
        // GIVEN two images whose JDK and classpath entries overlap, on top of a base classlist with ids of its own
        PackageImage first = image(
                APP,
                17,
                List.of(cls("com/acme/A", "A v1"), cls("com/acme/B", "B v1")),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1"))),
                List.of(jdk("java/lang/Object"), jdk("java/util/List")),
                List.of());
        PackageImage second = image(
                LIB,
                17,
                List.of(cls("com/acme/lib/L", "L v1")),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1"))),
                List.of(jdk("java/util/List"), jdk("java/util/Map")),
                List.of());

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(first, second), index(), 17, BASE);

        // THEN every class line has the next id, starting at 0, and each class is listed once
        List<String> classLines = classLines(merged);
        assertThat(classLines).hasSize(9);
        for (int i = 0; i < classLines.size(); i++) {
            assertThat(classLines.get(i)).endsWith(" id: " + i);
        }
        assertThat(classNames(merged)).doesNotHaveDuplicates();
    }

    @Test
    void everyPartOfAnImageIsMergedAndAStaleClassIsDroppedInThePartThatHasIt() {
        // GIVEN an image whose tests part has A and D, and whose main part has A (with a lambda), B as trained from an
        // older class file, and L
        PackageImage tests = image(
                APP, 17, List.of(cls("com/acme/A", "A v1")), Map.of(DEP, List.of(cls("org/dep/D", "D v1"))), List.of());
        ImagePart main = new ImagePart(
                ImagePart.MAIN,
                new TrainingSummary("main", 1, 0, 0, 10, List.of()),
                sha("main inputs"),
                List.of(cls("com/acme/A", "A v1", PROXY_A), cls("com/acme/B", "B v0")),
                new TreeMap<>(Map.of(LIB, List.of(cls("com/acme/lib/L", "L v1", PROXY_L)))),
                List.of(jdk("java/util/Map")),
                List.of(INVOKER_A));
        PackageImage both = tests.with(main, tests.fingerprints());

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(both), index(), 17, BASE);

        // THEN the classes of both parts are merged, A once with the lines of both, the stale B dropped alone
        assertThat(classNames(merged)).contains("com/acme/A", "org/dep/D", "com/acme/lib/L", "java/util/Map");
        assertThat(classNames(merged)).containsOnlyOnce("com/acme/A").doesNotContain("com/acme/B");
        assertThat(merged.lines()).contains(PROXY_A, PROXY_L, INVOKER_A);
        ImageMerge.ImageStats stats = merged.stats().get(0);
        assertThat(stats.kept()).isEqualTo(4);
        assertThat(stats.changed()).isEqualTo(1);
        assertThat(stats.notes()).containsExactly("changed since training: com/acme/B");
    }

    @Test
    void aClassRecordedByTwoImagesIsListedOnce() {
        PackageImage first = image(APP, 17, List.of(), Map.of(DEP, List.of(cls("org/dep/D", "D v1"))), List.of());
        PackageImage second = image(LIB, 17, List.of(), Map.of(DEP, List.of(cls("org/dep/D", "D v1"))), List.of());

        ImageMerge.Merged merged = ImageMerge.merge(List.of(first, second), index(), 17, BASE);

        assertThat(classNames(merged)).containsOnlyOnce("org/dep/D");
        assertThat(merged.appClasses()).containsExactly("org/dep/D");
        assertThat(merged.stats()).extracting(ImageMerge.ImageStats::kept).containsExactly(1, 1);
    }

    @Test
    void jdkClassesComeFirstInTheBaseOrderThenTheImagesJdkEntriesThenClasspathClasses() {
        // GIVEN images that list classpath classes and JDK classes, some of them in the base classlist too
        PackageImage first = image(
                APP,
                17,
                List.of(cls("com/acme/A", "A v1"), cls("com/acme/B", "B v1")),
                Map.of(),
                List.of(jdk("java/util/List"), jdk("java/lang/Object")),
                List.of());
        PackageImage second = image(
                LIB,
                17,
                List.of(cls("com/acme/lib/L", "L v1")),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1"))),
                List.of(jdk("java/util/ArrayList"), jdk("java/lang/Thread")),
                List.of());

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(first, second), index(), 17, BASE);

        // THEN the base order is kept, the images' new JDK classes follow in image order, then the classpath's
        assertThat(classNames(merged))
                .containsExactly(
                        "java/lang/String",
                        "java/lang/Object",
                        "java/lang/Thread",
                        "java/util/List",
                        "java/util/ArrayList",
                        "com/acme/A",
                        "com/acme/B",
                        "com/acme/lib/L",
                        "org/dep/D");
        assertThat(merged.appClasses()).containsExactly("com/acme/A", "com/acme/B", "com/acme/lib/L", "org/dep/D");
    }

    @Test
    void lambdaProxyLinesAreKeptOnceEachAfterAllClassLines() {
        // GIVEN two images that both recorded the lambda of org/dep/D, and one lambda each of their own
        PackageImage first = image(
                APP,
                17,
                List.of(cls("com/acme/A", "A v1", PROXY_A)),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1", PROXY_D))),
                List.of());
        PackageImage second = image(
                LIB,
                17,
                List.of(cls("com/acme/lib/L", "L v1", PROXY_L)),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1", PROXY_D))),
                List.of());

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(first, second), index(), 17, BASE);

        // THEN each proxy line is there once, and all of them come after the last class line
        List<String> lines = merged.lines();
        assertThat(lines).containsOnlyOnce(PROXY_A, PROXY_D, PROXY_L);
        int lastClassLine = lastIndexWhere(lines, l -> l.contains(" id: "));
        assertThat(lines.indexOf(PROXY_A)).isGreaterThan(lastClassLine);
        assertThat(lines.indexOf(PROXY_D)).isGreaterThan(lastClassLine);
        assertThat(lines.indexOf(PROXY_L)).isGreaterThan(lastClassLine);
    }

    @Test
    void cpLinesOfOneClassFromTwoImagesBecomeOneLineWithTheSortedUnionOfIndices() {
        // GIVEN two images, trained on JDK 25, that resolved overlapping entries of com/acme/A and java/lang/Object
        PackageImage first = image(
                APP,
                25,
                List.of(cls("com/acme/A", "A v1", "@cp com/acme/A 12 3 9")),
                Map.of(),
                List.of(jdk("java/lang/Object", "@cp java/lang/Object 4")),
                List.of());
        PackageImage second = image(
                LIB,
                25,
                List.of(cls("com/acme/lib/L", "L v1")),
                Map.of(APP, List.of(cls("com/acme/A", "A v1", "@cp com/acme/A 9 1 100"))),
                List.of(jdk("java/lang/Object", "@cp java/lang/Object 2 4")),
                List.of());

        // WHEN linked for JDK 25
        ImageMerge.Merged merged = ImageMerge.merge(List.of(first, second), index(), 25, BASE);

        // THEN there is one @cp line per class, with the indices in numeric order, after the class lines
        assertThat(merged.lines())
                .filteredOn(l -> l.startsWith("@cp "))
                .containsExactlyInAnyOrder("@cp com/acme/A 1 3 9 12 100", "@cp java/lang/Object 2 4");
        int lastClassLine = lastIndexWhere(merged.lines(), l -> l.contains(" id: "));
        assertThat(merged.lines().indexOf("@cp com/acme/A 1 3 9 12 100")).isGreaterThan(lastClassLine);
    }

    @Test
    void cpLinesAreDroppedForATargetBefore24AndTheirClassesKept() {
        PackageImage image = image(
                APP,
                17,
                List.of(cls("com/acme/A", "A v1", "@cp com/acme/A 3 9", PROXY_A)),
                Map.of(),
                List.of(jdk("java/util/List", "@cp java/util/List 1")),
                List.of());

        ImageMerge.Merged merged = ImageMerge.merge(List.of(image), index(), 17, BASE);

        assertThat(merged.lines()).noneMatch(l -> l.startsWith("@cp"));
        assertThat(merged.lines()).contains(PROXY_A);
        assertThat(classNames(merged)).contains("com/acme/A", "java/util/List");
        assertThat(merged.stats().get(0).kept()).isEqualTo(2);
    }

    @Test
    void lambdaFormInvokersAreDeduplicatedAndLast() {
        // GIVEN two images with overlapping invokers, one of them also in the base classlist
        PackageImage first = image(
                APP,
                25,
                List.of(cls("com/acme/A", "A v1", "@cp com/acme/A 3", PROXY_A)),
                Map.of(),
                List.of(),
                List.of(INVOKER_BASE, INVOKER_A));
        PackageImage second = image(
                LIB,
                25,
                List.of(cls("com/acme/lib/L", "L v1", PROXY_L)),
                Map.of(),
                List.of(),
                List.of(INVOKER_A, INVOKER_B));

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(first, second), index(), 25, BASE);

        // THEN each invoker is there once, and the invokers are the last lines
        List<String> lines = merged.lines();
        assertThat(lines).containsOnlyOnce(INVOKER_BASE, INVOKER_A, INVOKER_B);
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .containsExactlyInAnyOrder(INVOKER_BASE, INVOKER_A, INVOKER_B);
        assertThat(lines.subList(0, lines.size() - 3)).noneMatch(l -> l.startsWith("@lambda-form-invoker"));
    }

    @Test
    void aChangedClassIsDroppedWithItsLinesAndAMissingClassIsDroppedAndEverythingElseKept() {
        // GIVEN an image trained with A "A v0" (the classpath now has "A v1") and a class no classpath entry has
        PackageImage image = image(
                APP,
                25,
                List.of(
                        cls("com/acme/A", "A v0", "@cp com/acme/A 3 9", PROXY_A),
                        cls("com/acme/B", "B v1", "@cp com/acme/B 5"),
                        cls("com/acme/Gone", "Gone v1")),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1", PROXY_D))),
                List.of(jdk("java/util/List")),
                List.of(INVOKER_A));

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(image), index(), 25, BASE);

        // THEN A and Gone are gone, with A's lines; B, D, the JDK class and the invoker stay
        assertThat(classNames(merged)).doesNotContain("com/acme/A", "com/acme/Gone");
        assertThat(merged.lines()).noneMatch(l -> l.contains("com/acme/A "));
        assertThat(classNames(merged)).contains("com/acme/B", "org/dep/D", "java/util/List");
        assertThat(merged.lines()).contains("@cp com/acme/B 5", PROXY_D, INVOKER_A);
        assertThat(merged.appClasses()).containsExactly("com/acme/B", "org/dep/D");
        ImageMerge.ImageStats stats = merged.stats().get(0);
        assertThat(stats.coordinates()).isEqualTo(APP);
        assertThat(stats.kept()).isEqualTo(3);
        assertThat(stats.changed()).isEqualTo(1);
        assertThat(stats.missing()).isEqualTo(1);
        assertThat(stats.otherJdk()).isZero();
        assertThat(stats.notes())
                .containsExactly("changed since training: com/acme/A", "not on this classpath: com/acme/Gone");
    }

    @Test
    void aChangedClassDropsItsOwnEntriesAndNothingElse() {
        // GIVEN image APP recorded A before it changed; image LIB recorded A as it is now, and D unchanged
        PackageImage stale = image(
                APP,
                25,
                List.of(cls("com/acme/A", "A v0", "@cp com/acme/A 5 6"), cls("com/acme/B", "B v1")),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1", "@cp org/dep/D 2"))),
                List.of());
        PackageImage fresh = image(
                LIB,
                25,
                List.of(cls("com/acme/lib/L", "L v1")),
                Map.of(
                        APP, List.of(cls("com/acme/A", "A v1", "@cp com/acme/A 7", PROXY_A)),
                        DEP, List.of(cls("org/dep/D", "D v1", "@cp org/dep/D 3", PROXY_D))),
                List.of());

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(stale, fresh), index(), 25, BASE);

        // THEN A stays with the lines of the image that matched it only, and D keeps the lines of both images
        assertThat(classNames(merged)).containsOnlyOnce("com/acme/A", "com/acme/B", "com/acme/lib/L", "org/dep/D");
        assertThat(merged.lines()).contains("@cp com/acme/A 7", PROXY_A, "@cp org/dep/D 2 3", PROXY_D);
        assertThat(merged.lines()).noneMatch(l -> l.startsWith("@cp com/acme/A") && !l.equals("@cp com/acme/A 7"));
        assertThat(merged.stats().get(0))
                .extracting(ImageMerge.ImageStats::kept, ImageMerge.ImageStats::changed)
                .containsExactly(2, 1);
        assertThat(merged.stats().get(1))
                .extracting(ImageMerge.ImageStats::kept, ImageMerge.ImageStats::changed)
                .containsExactly(3, 0);
        assertThat(merged.stats().get(1).notes()).isEmpty();
    }

    @Test
    void anImageOfAnotherFeatureReleaseKeepsItsClasspathEntriesButNotItsJdkEntriesOrInvokers() {
        // GIVEN an image trained on JDK 17, with a JDK class that is not in the base and an invoker
        PackageImage old = image(
                APP,
                17,
                List.of(cls("com/acme/A", "A v1", "@cp com/acme/A 3", PROXY_A)),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1"))),
                List.of(jdk("java/util/List"), jdk("java/lang/Object")),
                List.of(INVOKER_A, INVOKER_B));

        // WHEN linked for JDK 25
        ImageMerge.Merged merged = ImageMerge.merge(List.of(old), index(), 25, BASE);

        // THEN its classpath classes and their lines are used, its JDK entries and invokers are not
        assertThat(classNames(merged))
                .containsExactly("java/lang/String", "java/lang/Object", "java/lang/Thread", "com/acme/A", "org/dep/D");
        assertThat(merged.lines()).contains("@cp com/acme/A 3", PROXY_A, INVOKER_BASE);
        assertThat(merged.lines()).doesNotContain(INVOKER_A, INVOKER_B);
        assertThat(merged.appClasses()).containsExactly("com/acme/A", "org/dep/D");
        ImageMerge.ImageStats stats = merged.stats().get(0);
        assertThat(stats.kept()).isEqualTo(2);
        assertThat(stats.otherJdk()).isEqualTo(4);
        assertThat(stats.changed()).isZero();
        assertThat(stats.missing()).isZero();
        assertThat(stats.notes()).singleElement().asString().contains("trained on JDK 17, linked for JDK 25");
    }

    @Test
    void anImageOfTheTargetReleaseKeepsItsJdkEntries() {
        PackageImage image = image(APP, 25, List.of(), Map.of(), List.of(jdk("java/util/List")), List.of(INVOKER_A));

        ImageMerge.Merged merged = ImageMerge.merge(List.of(image), index(), 25, BASE);

        assertThat(classNames(merged)).contains("java/util/List");
        assertThat(merged.lines()).contains(INVOKER_A);
        assertThat(merged.appClasses()).isEmpty();
        assertThat(merged.stats().get(0).otherJdk()).isZero();
        assertThat(merged.stats().get(0).notes()).isEmpty();
    }

    @Test
    void examplesOfDroppedClassesAreCappedAndTheRestCounted() {
        List<ClassEntry> gone = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            gone.add(cls("com/acme/Gone" + i, "Gone"));
        }
        PackageImage image = image(APP, 17, gone, Map.of(), List.of());

        ImageMerge.Merged merged = ImageMerge.merge(List.of(image), index(), 17, BASE);

        assertThat(merged.stats().get(0).missing()).isEqualTo(7);
        assertThat(merged.stats().get(0).notes())
                .containsExactly("not on this classpath: com/acme/Gone0, com/acme/Gone1, com/acme/Gone2,"
                        + " com/acme/Gone3, com/acme/Gone4 and 2 more");
    }

    @Test
    void withoutImagesTheMergeIsTheBaseClasslist() {
        ImageMerge.Merged merged = ImageMerge.merge(List.of(), index(), 17, BASE);

        assertThat(classNames(merged)).containsExactly("java/lang/String", "java/lang/Object", "java/lang/Thread");
        assertThat(merged.lines()).endsWith(INVOKER_BASE);
        assertThat(merged.appClasses()).isEmpty();
        assertThat(merged.stats()).isEmpty();
    }

    @Test
    void sharedClassesAreArchivedNextToTheImagesAsRecorded() {
        // GIVEN an image of lib, and a shared classlist (a test harness's) naming a class of the class path, a JDK
        // class and the image's class, with their lines
        PackageImage image = image(LIB, 17, List.of(cls("com/acme/lib/L", "L v1", PROXY_L)), Map.of(), List.of());
        RecordedClassList shared =
                RecordedClassList.parse(List.of("org/dep/D", "java/util/Map", "com/acme/lib/L", PROXY_D, INVOKER_B));

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(image), index(), 17, BASE, shared);

        // THEN the class path class and the JDK class join the image's, each once, with their lines
        assertThat(classNames(merged))
                .containsExactly(
                        "java/lang/String",
                        "java/lang/Object",
                        "java/lang/Thread",
                        "java/util/Map",
                        "com/acme/lib/L",
                        "org/dep/D");
        assertThat(merged.appClasses()).containsExactly("com/acme/lib/L", "org/dep/D");
        assertThat(merged.lines()).contains(PROXY_L, PROXY_D, INVOKER_BASE, INVOKER_B);
        assertThat(merged.shared()).isEqualTo(2);
        assertThat(merged.lines().get(0))
                .isEqualTo("# pkgimage: merged classlist of 1 package images and 2 shared classes");
        assertThat(merged.stats().get(0).kept()).isEqualTo(1);
    }

    @Test
    void theMergedClasslistParsesBackToTheSameClassesAndLines() {
        // GIVEN a merge of images with every kind of line
        PackageImage first = image(
                APP,
                25,
                List.of(cls("com/acme/A", "A v1", "@cp com/acme/A 3", PROXY_A)),
                Map.of(DEP, List.of(cls("org/dep/D", "D v1", PROXY_D))),
                List.of(jdk("java/util/List")),
                List.of(INVOKER_A));

        // WHEN the JVM's syntax is read back
        ImageMerge.Merged merged = ImageMerge.merge(List.of(first), index(), 25, BASE);
        RecordedClassList read = RecordedClassList.parse(merged.lines());

        // THEN nothing was skipped as malformed
        assertThat(read.skipped()).isZero();
        assertThat(read.classes()).containsExactlyElementsOf(classNames(merged));
        assertThat(read.linesOf("com/acme/A")).containsExactly(PROXY_A, "@cp com/acme/A 3");
        assertThat(read.lambdaFormInvokers()).containsExactly(INVOKER_BASE, INVOKER_A);
    }

    @Test
    void aLineRecordedUnderOneClassButAboutAnotherIsNotAttributedToIt() {
        // GIVEN a (hand-made or hostile) image whose entry for A carries a @cp line about B: the indices of one
        // class's constant pool are meaningless for another class's bytes
        PackageImage image = image(
                APP,
                25,
                List.of(cls("com/acme/A", "A v1", "@cp com/acme/B 4 5"), cls("com/acme/B", "B v1")),
                Map.of(),
                List.of());

        // WHEN
        ImageMerge.Merged merged = ImageMerge.merge(List.of(image), index(), 25, BASE);

        // THEN the indices are not given to A
        assertThat(merged.lines()).noneMatch(l -> l.startsWith("@cp com/acme/A"));
    }

    @Test
    void onlyCpAndLambdaProxyLinesGoToTheDump() {
        // GIVEN an image (accepted by the reader) whose class entry carries a tag that no classlist gives a class,
        // and a method-handle form that belongs in the invokers section; the JDK's dump stops at an unknown tag
        PackageImage image = image(
                APP,
                17,
                List.of(cls("com/acme/B", "B v1", "@future-tag com/acme/B 1", INVOKER_A, PROXY_A)),
                Map.of(),
                List.of());

        // WHEN linked for JDK 25, which is not the JDK that trained the image
        ImageMerge.Merged merged = ImageMerge.merge(List.of(image), index(), 25, BASE);

        // THEN neither line is in the classlist: the tag would fail the dump, the form is of another JDK
        assertThat(classNames(merged)).contains("com/acme/B");
        assertThat(merged.lines()).noneMatch(l -> l.startsWith("@future-tag")).doesNotContain(INVOKER_A);
    }

    // ---- fixtures

    private ClasspathIndex index() {
        return ClasspathIndex.of(List.of(app, lib, dep), 25);
    }

    private static PackageImage image(
            Coordinates coordinates,
            int feature,
            List<ClassEntry> own,
            Map<Coordinates, List<ClassEntry>> dependencies,
            List<ClassEntry> jdk) {
        return image(coordinates, feature, own, dependencies, jdk, List.of());
    }

    private static PackageImage image(
            Coordinates coordinates,
            int feature,
            List<ClassEntry> own,
            Map<Coordinates, List<ClassEntry>> dependencies,
            List<ClassEntry> jdk,
            List<String> invokers) {
        TreeMap<String, String> fingerprints = new TreeMap<>();
        own.forEach(e -> fingerprints.put(e.name(), e.sha256().orElseThrow()));
        return TestImages.tests(
                coordinates,
                new TrainedOn("Test", feature + ".0.1+1", feature, "G1", true),
                fingerprints,
                own,
                new TreeMap<>(dependencies),
                jdk,
                invokers,
                new TrainingSummary("tests", 1, 0, 0, 10, List.of()),
                sha("inputs of " + coordinates));
    }

    /** A classpath class as trained from a class file with {@code content}. */
    private static ClassEntry cls(String name, String content, String... lines) {
        return new ClassEntry(name, Optional.of(sha(content)), Arrays.asList(lines));
    }

    private static ClassEntry jdk(String name, String... lines) {
        return new ClassEntry(name, Optional.empty(), Arrays.asList(lines));
    }

    private static List<String> classLines(ImageMerge.Merged merged) {
        return merged.lines().stream()
                .filter(l -> !l.startsWith("@") && !l.startsWith("#"))
                .toList();
    }

    private static List<String> classNames(ImageMerge.Merged merged) {
        return classLines(merged).stream().map(l -> l.split(" ")[0]).toList();
    }

    private static int lastIndexWhere(List<String> lines, java.util.function.Predicate<String> p) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), UTF_8);
        }
        return root;
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static String sha(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
