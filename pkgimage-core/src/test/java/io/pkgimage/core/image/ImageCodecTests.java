package io.pkgimage.core.image;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageCodecTests {
    static final String FORMAT = "pkgimage/FORMAT";
    static final String PROPERTIES = "pkgimage/image.properties";
    static final String FINGERPRINTS = "pkgimage/classes.sha256";
    static final String CLASSLIST = "pkgimage/tests/classlist.txt";
    static final String FAILURES = "pkgimage/tests/failures.txt";
    static final String MAIN_CLASSLIST = "pkgimage/main/classlist.txt";
    static final String MAIN_FAILURES = "pkgimage/main/failures.txt";
    /** The entries of an image of one tests part, in the order they are written. */
    static final List<String> ALL_ENTRIES = List.of(FORMAT, PROPERTIES, FINGERPRINTS, CLASSLIST, FAILURES);

    @TempDir
    Path dir;

    @Test
    void aFullyPopulatedImageReadsBackEqual() {
        // GIVEN an image with something in every part
        PackageImage image = Images.full();
        assertThat(TestImages.testsPart(image).ownClasses()).isNotEmpty().anySatisfy(e -> assertThat(e.lines())
                .isNotEmpty());
        assertThat(TestImages.testsPart(image).dependencyClasses()).hasSize(2);
        assertThat(TestImages.testsPart(image).jdkClasses()).isNotEmpty();
        assertThat(TestImages.testsPart(image).lambdaFormInvokers()).isNotEmpty();
        assertThat(TestImages.testsPart(image).summary().failures()).isNotEmpty();
        Path file = dir.resolve("widget-1.2.3-pkgimage.jar");

        // WHEN it is written and read back
        ImageCodec.write(image, file);
        PackageImage read = ImageCodec.read(file);

        // THEN nothing is lost or changed, down to the @cp lines and the non-ASCII failure text
        assertThat(read).isEqualTo(image);
        assertThat(TestImages.testsPart(read).ownClasses().get(0).lines())
                .containsExactly(
                        "@cp com/acme/Widget 1 7 12",
                        "@lambda-proxy com/acme/Widget run ()Ljava/lang/Runnable; ()V REF_invokeStatic"
                                + " com/acme/Widget lambda$new$0 ()V ()V");
        assertThat(TestImages.testsPart(read).summary().failures())
                .contains("com.acme.WidgetTests#cafébreaks() — AssertionError: 1 ≠ 2");
    }

    @Test
    void anImageTrainedByTheBuildsTestJvmsSaysSo() throws IOException {
        PackageImage image = TestImages.tests(
                Coordinates.of("com.acme", "recorded", "1"),
                new TrainedOn("Debian", "17.0.15+6", 17, "G1", true),
                new TreeMap<>(),
                List.of(),
                new TreeMap<>(),
                List.of(),
                List.of(),
                new TrainingSummary("tests", 6, 0, 0, 1800, List.of(), TrainingSummary.SUREFIRE, 3),
                Images.sha("inputs"));
        Path file = dir.resolve("recorded.jar");

        ImageCodec.write(image, file);

        assertThat(ImageCodec.read(file)).isEqualTo(image);
        assertThat(new String(Images.entries(file).get(PROPERTIES), UTF_8))
                .contains("tests.origin=surefire\ntests.jvms=3\n");
    }

    @Test
    void anImageWithEmptyPartsReadsBackEqual() {
        PackageImage empty = TestImages.tests(
                Coordinates.of("com.acme", "empty", "1"),
                new TrainedOn("Debian", "17.0.15+6", 17, "Serial", false),
                new TreeMap<>(),
                List.of(),
                new TreeMap<>(),
                List.of(),
                List.of(),
                new TrainingSummary("classes", 0, 0, 0, 0, List.of()),
                Images.sha("inputs"));
        Path file = dir.resolve("empty.jar");

        ImageCodec.write(empty, file);

        assertThat(ImageCodec.read(file)).isEqualTo(empty);
    }

    @Test
    void anImageOfTwoPartsReadsBackEqualAndWritesBackIdenticalBytes() throws IOException {
        // GIVEN an image with a tests part and a main part, each with classes and a failure of its own
        PackageImage image = Images.twoParts();
        assertThat(image.parts()).containsOnlyKeys(ImagePart.TESTS, ImagePart.MAIN);
        Path file = dir.resolve("two-parts.jar");
        Path again = dir.resolve("two-parts-again.jar");

        // WHEN it is written, read back and the read image written again
        ImageCodec.write(image, file);
        PackageImage read = ImageCodec.read(file);
        ImageCodec.write(read, again);

        // THEN it is equal, part by part, and the second file is byte for byte the first
        assertThat(read).isEqualTo(image);
        assertThat(read.parts().keySet()).containsExactly(ImagePart.TESTS, ImagePart.MAIN);
        assertThat(read.part(ImagePart.MAIN)).isEqualTo(image.part(ImagePart.MAIN));
        assertThat(read.part(ImagePart.MAIN).orElseThrow().summary().failures())
                .containsExactly("com.acme.Main — java.lang.IllegalStateException: no config");
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
        // AND each part has its own entries and properties
        Map<String, byte[]> entries = Images.entries(file);
        assertThat(entries.keySet())
                .containsExactly(FORMAT, PROPERTIES, FINGERPRINTS, CLASSLIST, FAILURES, MAIN_CLASSLIST, MAIN_FAILURES);
        assertThat(new String(entries.get(PROPERTIES), UTF_8).lines())
                .contains(
                        "parts=tests,main",
                        "tests.mode=tests",
                        "main.mode=main",
                        "main.run=1",
                        "main.failed=1",
                        "main.inputs.sha256=" + Images.sha("main inputs"))
                .noneMatch(l -> l.startsWith("training.") || l.startsWith("inputs.sha256="));
        assertThat(new String(entries.get(MAIN_CLASSLIST), UTF_8))
                .contains("class com/acme/Main " + Images.sha("Main"))
                .doesNotContain("com/acme/Widget$Part");
    }

    @Test
    void theSameImageWrittenTwiceGivesIdenticalBytes() throws IOException {
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("second.jar");

        ImageCodec.write(Images.full(), first);
        ImageCodec.write(Images.full(), second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anImageBuiltFromDifferentlyOrderedInputsGivesIdenticalBytes() throws IOException {
        // GIVEN the full image, and the same content given in reverse order everywhere
        PackageImage image = Images.full();
        SortedMap<Coordinates, List<ClassEntry>> reversedDeps = new TreeMap<>();
        TestImages.testsPart(image).dependencyClasses().forEach((k, v) -> reversedDeps.put(k, reversed(v)));
        PackageImage shuffled = TestImages.tests(
                image.coordinates(),
                image.trainedOn(),
                new TreeMap<>(image.fingerprints()),
                reversed(TestImages.testsPart(image).ownClasses()),
                reversedDeps,
                reversed(TestImages.testsPart(image).jdkClasses()),
                reversed(TestImages.testsPart(image).lambdaFormInvokers()),
                TestImages.testsPart(image).summary(),
                TestImages.testsPart(image).inputsSha256());
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("second.jar");

        // WHEN both are written
        ImageCodec.write(image, first);
        ImageCodec.write(shuffled, second);

        // THEN the files are the same
        assertThat(shuffled).isEqualTo(image);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void fingerprintsGivenInAMapSortedAnotherWayGiveIdenticalBytes() throws IOException {
        // GIVEN the same fingerprints in a SortedMap with a reverse comparator (a SortedMap is what the record takes)
        PackageImage image = Images.full();
        SortedMap<String, String> reverseSorted = new TreeMap<>(Comparator.reverseOrder());
        reverseSorted.putAll(image.fingerprints());
        PackageImage other = TestImages.tests(
                image.coordinates(),
                image.trainedOn(),
                reverseSorted,
                TestImages.testsPart(image).ownClasses(),
                TestImages.testsPart(image).dependencyClasses(),
                TestImages.testsPart(image).jdkClasses(),
                TestImages.testsPart(image).lambdaFormInvokers(),
                TestImages.testsPart(image).summary(),
                TestImages.testsPart(image).inputsSha256());
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("second.jar");

        // WHEN both are written
        ImageCodec.write(image, first);
        ImageCodec.write(other, second);

        // THEN equal images give byte-identical files, as PackageImage promises
        assertThat(other).isEqualTo(image);
        assertThat(other.fingerprints().keySet())
                .containsExactlyElementsOf(image.fingerprints().keySet());
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void writtenEntriesHaveFixedTimestampsAndFormatFirst() throws IOException {
        Path file = dir.resolve("image.jar");

        ImageCodec.write(Images.full(), file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            assertThat(entries).extracting(ZipEntry::getName).containsExactlyInAnyOrderElementsOf(ALL_ENTRIES);
            assertThat(entries.get(0).getName()).isEqualTo(FORMAT);
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
                assertThat(e.getExtra())
                        .as("extra fields (extended timestamps) of " + e.getName())
                        .isNull();
            });
            assertThat(new String(zip.getInputStream(zip.getEntry(FORMAT)).readAllBytes(), UTF_8))
                    .isEqualTo("pkgimage-format=" + PackageImage.FORMAT_VERSION + "\n");
        }
    }

    @Test
    void writingLeavesNoTemporaryFilesAndReplacesAnOldImage() throws IOException {
        Path file = dir.resolve("image.jar");
        Files.writeString(file, "an old image");

        ImageCodec.write(Images.full(), file);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(ImageCodec.read(file)).isEqualTo(Images.full());
    }

    @Test
    void readingNeverCreatesOrChangesFiles() throws IOException {
        // GIVEN a valid image and some broken ones in the temporary folder
        Path valid = dir.resolve("valid.jar");
        ImageCodec.write(Images.full(), valid);
        Path truncated = dir.resolve("truncated.jar");
        byte[] bytes = Files.readAllBytes(valid);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path hostile = dir.resolve("hostile.jar");
        Map<String, byte[]> entries = Images.entries(valid);
        entries.put("../evil", "boo\n".getBytes(UTF_8));
        Images.zip(hostile, entries);
        Map<Path, String> before = snapshot(dir);

        // WHEN they are read
        ImageCodec.read(valid);
        assertThatThrownBy(() -> ImageCodec.read(truncated)).isInstanceOf(ImageFormatException.class);
        assertThatThrownBy(() -> ImageCodec.read(hostile)).isInstanceOf(ImageFormatException.class);

        // THEN the folder holds exactly the same files, unchanged: nothing extracted, no temporary files
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        Path missing = dir.resolve("missing.jar");

        assertThatThrownBy(() -> ImageCodec.read(missing))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("Cannot read package image '" + missing + "'")
                .hasMessageContaining("NoSuchFileException");
    }

    /** One test per way an image file can be broken or hostile; each names the file and the reason. */
    @Nested
    class Hostile {
        @Test
        void truncatedFile() throws IOException {
            Path file = validImage();
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

            assertCorrupt(file, "not a zip or truncated");
        }

        @Test
        void randomBytes() throws IOException {
            Path file = dir.resolve("random.jar");
            byte[] bytes = new byte[4096];
            new Random(42).nextBytes(bytes);
            Files.write(file, bytes);

            assertCorrupt(file, "not a zip or truncated");
        }

        @Test
        void textFile() throws IOException {
            Path file = dir.resolve("notes.jar");
            Files.writeString(file, "pkgimage-format=1\nthis is a text file, not a zip\n");

            assertCorrupt(file, "not a zip or truncated");
        }

        @Test
        void emptyFile() throws IOException {
            Path file = Files.createFile(dir.resolve("empty.jar"));

            assertCorrupt(file, "not a zip or truncated");
        }

        @Test
        void anEmptyZip() throws IOException {
            Path file = dir.resolve("empty-zip.jar");
            Images.zip(file, Map.of());

            assertCorrupt(file, "no pkgimage/FORMAT entry: this zip is not a package image");
        }

        @Test
        void newerFormatVersionSaysUpgrade() throws IOException {
            Path file = withEntry(FORMAT, "pkgimage-format=99\n");

            assertThatThrownBy(() -> ImageCodec.read(file))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining("'" + file + "'")
                    .hasMessageContaining("has format version 99, but this pkgimage reads version "
                            + PackageImage.FORMAT_VERSION + " only")
                    .hasMessageContaining("upgrade the pkgimage plugin");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, PackageImage.FORMAT_VERSION - 1})
        void olderFormatVersionSaysRecompile(int version) throws IOException {
            Path file = withEntry(FORMAT, "pkgimage-format=" + version + "\n");

            assertOlderFormat(file, version);
        }

        @Test
        void formatOneImageSaysRecompile() throws IOException {
            // GIVEN an image as format 1 wrote it: one classlist, training.* properties, training-failures.txt, the
            // hot methods and dependency images that later formats dropped
            Path file = dir.resolve("format-1.jar");
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put(FORMAT, "pkgimage-format=1\n".getBytes(UTF_8));
            entries.put(
                    PROPERTIES,
                    ("coordinates=com.acme:widget:1.2.3\n"
                                    + "jdk.vendor=Eclipse Adoptium\n"
                                    + "jdk.runtimeVersion=25.0.3+9-LTS\n"
                                    + "jdk.feature=25\n"
                                    + "jdk.gc=G1\n"
                                    + "jdk.compressedOops=true\n"
                                    + "training.mode=tests\n"
                                    + "training.run=42\n"
                                    + "training.failed=0\n"
                                    + "training.skipped=0\n"
                                    + "training.wallMillis=12345\n"
                                    + "inputs.sha256=" + Images.sha("inputs") + "\n")
                            .getBytes(UTF_8));
            entries.put(FINGERPRINTS, (Images.sha("Widget") + " com/acme/Widget\n").getBytes(UTF_8));
            entries.put(
                    "pkgimage/classlist.txt",
                    ("[self]\nclass com/acme/Widget " + Images.sha("Widget")
                                    + "\n[jdk]\nclass java/lang/Object\n[lambda-form-invokers]\n")
                            .getBytes(UTF_8));
            entries.put("pkgimage/hot-methods.txt", "4 com.acme.Widget run ()V\n".getBytes(UTF_8));
            entries.put("pkgimage/dependency-images.txt", new byte[0]);
            entries.put("pkgimage/training-failures.txt", new byte[0]);
            Images.zip(file, entries);

            // WHEN read, THEN it is refused as an image of an older format, not as a corrupt file
            assertOlderFormat(file, 1);
        }

        @Test
        void formatTwoImageSaysRecompile() throws IOException {
            // GIVEN an image as format 2 wrote it: today's entries, and the hot methods and dependency images
            Map<String, byte[]> entries = Images.entries(validImage());
            entries.put(FORMAT, "pkgimage-format=2\n".getBytes(UTF_8));
            entries.put(
                    "pkgimage/hot-methods.txt",
                    "3 com.acme.Widget <init> ()V\n4 org.dep.alpha.A parse (Ljava/lang/String;)I\n".getBytes(UTF_8));
            entries.put(
                    "pkgimage/dependency-images.txt",
                    (Images.sha("alpha image") + " org.dep:alpha:2.0\n").getBytes(UTF_8));
            Path file = dir.resolve("format-2.jar");
            Images.zip(file, entries);

            // WHEN read, THEN it is refused as an image of an older format, not for its entries
            assertOlderFormat(file, 2);
        }

        @Test
        void versionThatIsNotANumber() throws IOException {
            Path file = withEntry(FORMAT, "pkgimage-format=one\n");

            assertCorrupt(file, "format version 'pkgimage-format=one' is not a number");
        }

        @Test
        void formatEntryOfAnotherKind() throws IOException {
            Path file = withEntry(FORMAT, "Manifest-Version: 1.0\n");

            assertCorrupt(file, "pkgimage/FORMAT says 'Manifest-Version: 1.0', expecting 'pkgimage-format=N'");
        }

        @Test
        void missingFormatEntry() throws IOException {
            Path file = withoutEntry(FORMAT);

            assertCorrupt(file, "no pkgimage/FORMAT entry: this zip is not a package image");
        }

        @ParameterizedTest
        @ValueSource(strings = {PROPERTIES, FINGERPRINTS})
        void missingRequiredEntry(String name) throws IOException {
            Path file = withoutEntry(name);

            assertCorrupt(file, "entry '" + name + "' is missing");
        }

        @Test
        void missingEntryOfAPart() throws IOException {
            Path file = withoutEntry(FAILURES);

            assertCorrupt(file, "entry 'pkgimage/tests/failures.txt' of part tests is missing");
        }

        @Test
        void unexpectedEntry() throws IOException {
            Path file = withEntry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");

            assertCorrupt(file, "unexpected entry 'META-INF/MANIFEST.MF' (an image holds only [pkgimage/FORMAT,");
        }

        @ParameterizedTest
        @ValueSource(strings = {"../evil", "/abs", "pkgimage/../x", "pkgimage/../pkgimage/FORMAT", "pkgimage\\FORMAT"})
        void zipSlipNames(String name) throws IOException {
            Path file = withEntry(name, "pkgimage-format=1\n");

            assertCorrupt(file, "unexpected entry '" + name + "'");
        }

        @Test
        void controlCharactersInNamesAreShownEscaped() throws IOException {
            Path file = withEntry("pkgimage/\u001b[2Jx", "boo\n");

            assertCorrupt(file, "unexpected entry 'pkgimage/\\u001b[2Jx'");
        }

        @Test
        void duplicateEntries() throws IOException {
            // ZipOutputStream refuses two entries of one name, so write a stand-in name of the same length and
            // patch it in the local header and the central directory (the CRC covers only the data)
            Map<String, byte[]> entries = Images.entries(validImage());
            String standIn = "pkgimage/classes.sha25_";
            assertThat(standIn).hasSameSizeAs(FINGERPRINTS);
            entries.put(standIn, (Images.sha("Evil") + " com/acme/Evil\n").getBytes(UTF_8));
            Path file = dir.resolve("duplicate.jar");
            Images.zip(file, entries);
            byte[] bytes = Files.readAllBytes(file);
            int patched = replaceAll(bytes, standIn.getBytes(UTF_8), FINGERPRINTS.getBytes(UTF_8));
            assertThat(patched).as("local header and central directory patched").isEqualTo(2);
            Files.write(file, bytes);

            assertCorrupt(file, "entry 'pkgimage/classes.sha256' appears twice");
        }

        @Test
        void entryThatInflatesPastTheLimit() throws IOException {
            // GIVEN a small file whose classlist inflates to just over the limit (zeros deflate ~1000:1)
            Path file = dir.resolve("bomb.jar");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.setLevel(9);
                zip.putNextEntry(new ZipEntry(FORMAT));
                zip.write(("pkgimage-format=" + PackageImage.FORMAT_VERSION + "\n").getBytes(UTF_8));
                zip.putNextEntry(new ZipEntry(CLASSLIST));
                writeZeros(zip, ImageCodec.MAX_CONTENT_BYTES + 1);
                zip.closeEntry();
            }
            assertThat(Files.size(file)).isLessThan(1L << 20);

            // WHEN read, THEN it stops at the limit
            assertCorrupt(
                    file,
                    "entry 'pkgimage/tests/classlist.txt' expands past the limit of " + ImageCodec.MAX_CONTENT_BYTES
                            + " bytes for a whole image (a zip bomb or not an image)");
        }

        @Test
        void entriesThatInflatePastTheLimitTogether() throws IOException {
            // GIVEN two entries each under the limit, together over it
            Path file = dir.resolve("bombs.jar");
            long half = ImageCodec.MAX_CONTENT_BYTES / 2 + 1;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.setLevel(9);
                zip.putNextEntry(new ZipEntry(CLASSLIST));
                writeZeros(zip, half);
                zip.putNextEntry(new ZipEntry(FAILURES));
                writeZeros(zip, half);
                zip.closeEntry();
            }

            assertCorrupt(
                    file,
                    "entry 'pkgimage/tests/failures.txt' expands past the limit of " + ImageCodec.MAX_CONTENT_BYTES
                            + " bytes");
        }

        @Test
        void fileOverTheSizeLimit() throws IOException {
            Path file = dir.resolve("huge.jar");
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(ImageCodec.MAX_FILE_BYTES + 1);
            }

            assertThatThrownBy(() -> ImageCodec.read(file))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining("Package image '" + file + "' is " + (ImageCodec.MAX_FILE_BYTES + 1)
                            + " bytes, over the limit of " + ImageCodec.MAX_FILE_BYTES)
                    .hasMessageContaining("Delete it and run mvn pkgimage:compile");
        }

        @Test
        void contentThatIsNotUtf8() throws IOException {
            Map<String, byte[]> entries = Images.entries(validImage());
            byte[] latin1 = "[self]\nclass com/acme/Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            entries.put(CLASSLIST, latin1);
            Path file = dir.resolve("latin1.jar");
            Images.zip(file, entries);

            assertCorrupt(file, "entry 'pkgimage/tests/classlist.txt' is not UTF-8 text");
        }

        @Test
        void badSha256() throws IOException {
            Path file = withEntry(FINGERPRINTS, Images.sha("a") + " com/acme/A\n\nnot-a-sha com/acme/B\n");

            assertCorrupt(file, "pkgimage/classes.sha256 line 3: expecting a SHA-256");
        }

        @Test
        void badShaOfAClassInTheClasslist() throws IOException {
            Path file = withEntry(CLASSLIST, "[self]\nclass com/acme/A ABCDEF\n[jdk]\n[lambda-form-invokers]\n");

            assertCorrupt(file, "Invalid SHA-256 'ABCDEF' for class com/acme/A");
        }

        @Test
        void badNumber() throws IOException {
            Path file = withProperty("tests.wallMillis", "12.3 s");

            assertCorrupt(file, "pkgimage/image.properties 'tests.wallMillis' is not a number: '12.3 s'");
        }

        @Test
        void unknownOrigin() throws IOException {
            Path file = withProperty("tests.origin", "gradle");

            assertCorrupt(
                    file,
                    "pkgimage/image.properties 'tests.origin' is not one of [training, surefire, failsafe]: 'gradle'");
        }

        @Test
        void anImageWithoutOriginWasTrainedByPkgimage() throws IOException {
            Path file = withProperty("tests.origin", null);

            TrainingSummary summary =
                    TestImages.testsPart(ImageCodec.read(file)).summary();

            assertThat(summary.origin()).isEqualTo(TrainingSummary.TRAINING);
            assertThat(summary.jvms()).isEqualTo(1);
        }

        @Test
        void badClassName() throws IOException {
            Path file = withEntry(CLASSLIST, "[self]\nclass com.acme.Widget\n[jdk]\n[lambda-form-invokers]\n");

            assertCorrupt(file, "Invalid internal class name 'com.acme.Widget'");
        }

        @Test
        void badNumberInProperties() throws IOException {
            Path file = withProperty("tests.run", "many");

            assertCorrupt(file, "pkgimage/image.properties 'tests.run' is not a number: 'many'");
        }

        @Test
        void negativeNumberInProperties() throws IOException {
            Path file = withProperty("jdk.feature", "-25");

            assertCorrupt(file, "pkgimage/image.properties 'jdk.feature' is out of range: -25");
        }

        @Test
        void missingProperty() throws IOException {
            Path file = withProperty("jdk.gc", null);

            assertCorrupt(file, "pkgimage/image.properties has no 'jdk.gc'");
        }

        @Test
        void propertiesLineWithoutEquals() throws IOException {
            String props = new String(Images.entries(validImage()).get(PROPERTIES), UTF_8);
            Path file = withEntry(PROPERTIES, props + "just words\n");

            assertCorrupt(
                    file, "pkgimage/image.properties line " + (props.split("\n").length + 1) + ": expecting key=value");
        }

        @Test
        void badCoordinates() throws IOException {
            Path file = withProperty("coordinates", "com.acme:widget");

            assertCorrupt(
                    file, "Expecting coordinates groupId:artifactId:version[:classifier] but got 'com.acme:widget'");
        }

        @Test
        void lineOutsideOfASection() throws IOException {
            Path file = withEntry(CLASSLIST, "class com/acme/A\n[self]\n[jdk]\n[lambda-form-invokers]\n");

            assertCorrupt(file, "pkgimage/tests/classlist.txt line 1: line outside of a section");
        }

        @Test
        void unknownSection() throws IOException {
            Path file = withEntry(CLASSLIST, "[self]\n[bogus]\n[jdk]\n[lambda-form-invokers]\n");

            assertCorrupt(file, "pkgimage/tests/classlist.txt line 2: unknown section 'bogus'");
        }

        @Test
        void unterminatedSectionHeader() throws IOException {
            Path file = withEntry(CLASSLIST, "[self\n");

            assertCorrupt(file, "pkgimage/tests/classlist.txt line 1: unterminated section header");
        }

        @Test
        void sameDependencyTwice() throws IOException {
            Path file =
                    withEntry(CLASSLIST, "[self]\n[dependency org.dep:alpha:2.0]\n[dependency org.dep:alpha:2.0]\n");

            assertCorrupt(file, "pkgimage/tests/classlist.txt line 3: dependency org.dep:alpha:2.0 appears twice");
        }

        @Test
        void atLineWithoutAClass() throws IOException {
            Path file = withEntry(CLASSLIST, "[self]\n@cp com/acme/A 1 2\n");

            assertCorrupt(
                    file, "pkgimage/tests/classlist.txt line 2: expecting a class line or an @ line of the class");
        }

        @Test
        void classInTheInvokersSection() throws IOException {
            Path file = withEntry(CLASSLIST, "[self]\n[lambda-form-invokers]\nclass com/acme/A\n");

            assertCorrupt(file, "pkgimage/tests/classlist.txt line 3: expecting an @lambda-form-invoker line");
        }

        @Test
        void classListedTwice() throws IOException {
            Path file = withEntry(CLASSLIST, "[self]\nclass com/acme/A\nclass com/acme/A\n");

            assertCorrupt(file, "Class com/acme/A is listed twice");
        }

        @Test
        void entryNotEndingInANewLine() throws IOException {
            Path file = withEntry(FAILURES, "com.acme.WidgetTests#breaks() — AssertionError");

            assertCorrupt(file, "entry 'pkgimage/tests/failures.txt' does not end with a new line (truncated?)");
        }

        @Test
        void unknownTrainingMode() throws IOException {
            Path file = withProperty("tests.mode", "vibes");

            assertCorrupt(file, "Unknown training mode 'vibes'");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "tests,bogus   | bogus",
                    "Tests         | Tests",
                    "''            | ''",
                    "tests,        | ''",
                    "tests,tests   | tests",
                    "tests/../main | tests/../main"
                })
        void partsNamingAnUnknownPart(String parts, String named) throws IOException {
            Path file = withProperty("parts", parts);

            assertCorrupt(
                    file,
                    "pkgimage/image.properties 'parts' names '" + named
                            + "', not one of [tests, main, integration-tests, shell] once");
        }

        @Test
        void partsNamingAPartWithoutItsClasslist() throws IOException {
            Path file = without(twoPartImage(), MAIN_CLASSLIST);

            assertCorrupt(file, "entry 'pkgimage/main/classlist.txt' of part main is missing");
        }

        @Test
        void partsNamingAPartWithoutItsFailures() throws IOException {
            Path file = without(twoPartImage(), MAIN_FAILURES);

            assertCorrupt(file, "entry 'pkgimage/main/failures.txt' of part main is missing");
        }

        @Test
        void partsNamingAPartThatHasNoEntriesAtAll() throws IOException {
            Path file = withProperty("parts", "tests,main");

            assertCorrupt(file, "entry 'pkgimage/main/classlist.txt' of part main is missing");
        }

        @Test
        void missingPartsProperty() throws IOException {
            Path file = withProperty("parts", null);

            assertCorrupt(file, "pkgimage/image.properties has no 'parts'");
        }

        @Test
        void missingPropertyOfAPart() throws IOException {
            Path file = withProperty("tests.inputs.sha256", null);

            assertCorrupt(file, "pkgimage/image.properties has no 'tests.inputs.sha256'");
        }

        @Test
        void entriesOfAPartThatPartsDoesNotList() throws IOException {
            // GIVEN the two-part image whose parts= names only tests
            Path file = withProperty(twoPartImage(), "parts", "tests");

            assertCorrupt(
                    file, "entry 'pkgimage/main/classlist.txt' belongs to no part listed in pkgimage/image.properties");
        }

        @ParameterizedTest
        @ValueSource(strings = {"pkgimage/shell/failures.txt", "pkgimage/integration-tests/classlist.txt"})
        void oneEntryOfAPartThatPartsDoesNotList(String name) throws IOException {
            Path file = withEntry(name, "");

            assertCorrupt(file, "entry '" + name + "' belongs to no part listed in pkgimage/image.properties");
        }

        @Test
        void newerFormatWithEntriesOfItsOwnSaysUpgrade() throws IOException {
            // GIVEN an image of a later format, which has an entry this reader does not know
            Map<String, byte[]> entries = Images.entries(validImage());
            entries.put(FORMAT, "pkgimage-format=99\n".getBytes(UTF_8));
            entries.put("pkgimage/tests/something-new.txt", "x\n".getBytes(UTF_8));
            Path file = dir.resolve("format-99.jar");
            Images.zip(file, entries);

            // WHEN read, THEN the reader says to upgrade, not that the file is corrupt
            assertThatThrownBy(() -> ImageCodec.read(file))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining("has format version 99")
                    .hasMessageContaining("upgrade the pkgimage plugin")
                    .hasMessageNotContaining("corrupt");
        }

        @Test
        void unexpectedEntryBeforeTheFormatEntryIsStillRefused() throws IOException {
            // GIVEN a valid image with a foreign entry written before pkgimage/FORMAT
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(UTF_8));
            entries.putAll(Images.entries(validImage()));
            Path file = dir.resolve("crafted.jar");
            Images.zip(file, entries);

            assertCorrupt(file, "unexpected entry 'META-INF/MANIFEST.MF'");
        }

        private Path validImage() {
            Path file = dir.resolve("image.jar");
            ImageCodec.write(Images.full(), file);
            return file;
        }

        private Path twoPartImage() {
            Path file = dir.resolve("two-parts.jar");
            ImageCodec.write(Images.twoParts(), file);
            return file;
        }

        private Path withEntry(String name, String content) throws IOException {
            return withEntry(validImage(), name, content);
        }

        private Path withEntry(Path image, String name, String content) throws IOException {
            Map<String, byte[]> entries = Images.entries(image);
            entries.put(name, content.getBytes(UTF_8));
            Path file = dir.resolve("crafted.jar");
            Images.zip(file, entries);
            return file;
        }

        private Path withoutEntry(String name) throws IOException {
            return without(validImage(), name);
        }

        private Path without(Path image, String name) throws IOException {
            Map<String, byte[]> entries = Images.entries(image);
            assertThat(entries.remove(name)).isNotNull();
            Path file = dir.resolve("crafted.jar");
            Images.zip(file, entries);
            return file;
        }

        /** The valid image with one property replaced, or removed when {@code value} is null. */
        private Path withProperty(String key, String value) throws IOException {
            return withProperty(validImage(), key, value);
        }

        private Path withProperty(Path image, String key, String value) throws IOException {
            String props = new String(Images.entries(image).get(PROPERTIES), UTF_8);
            assertThat(props.lines()).anyMatch(l -> l.startsWith(key + "="));
            String changed = props.lines()
                    .map(l -> l.startsWith(key + "=") ? (value == null ? "" : key + "=" + value) : l)
                    .collect(Collectors.joining("\n", "", "\n"));
            return withEntry(image, PROPERTIES, changed);
        }

        /** Asserts that reading {@code file} refuses it as an image of the older format {@code version}. */
        private void assertOlderFormat(Path file, int version) {
            assertThatThrownBy(() -> ImageCodec.read(file))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessage("Package image '" + file + "' has format version " + version
                            + ", but this pkgimage reads version " + PackageImage.FORMAT_VERSION
                            + " only; an older pkgimage wrote it: recompile the image with this pkgimage"
                            + " (mvn pkgimage:compile)");
        }
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertCorrupt(Path file, String reason) {
        return assertThatThrownBy(() -> ImageCodec.read(file))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("Package image '" + file + "' is corrupt or not a package image: ")
                .hasMessageContaining(reason)
                .hasMessageEndingWith("Delete it and rebuild it with mvn pkgimage:compile");
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    private static int replaceAll(byte[] bytes, byte[] from, byte[] to) {
        int count = 0;
        outer:
        for (int i = 0; i <= bytes.length - from.length; i++) {
            for (int j = 0; j < from.length; j++) {
                if (bytes[i + j] != from[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to, 0, bytes, i, to.length);
            count++;
        }
        return count;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    /** Every file below {@code root} with its size, modification time and content hash. */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String what = Files.isDirectory(p)
                        ? "dir"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + sha256(p);
                out.put(p, what);
            }
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Images and raw zips to test with. */
    static final class Images {
        private Images() {}

        static String sha(String seed) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        static PackageImage full() {
            Coordinates alpha = Coordinates.parse("org.dep:alpha:2.0");
            Coordinates beta = new Coordinates("org.dep", "beta", "1.0", "jdk17");
            SortedMap<String, String> fingerprints = new TreeMap<>(Map.of(
                    "com/acme/Widget", sha("Widget"),
                    "com/acme/Widget$Part", sha("Part"),
                    "com/acme/Unused", sha("Unused")));
            SortedMap<Coordinates, List<ClassEntry>> deps = new TreeMap<>();
            deps.put(beta, List.of(new ClassEntry("org/dep/beta/B", Optional.of(sha("B")), List.of())));
            deps.put(
                    alpha,
                    List.of(
                            new ClassEntry(
                                    "org/dep/alpha/A", Optional.of(sha("A")), List.of("@cp org/dep/alpha/A 3 9")),
                            new ClassEntry("org/dep/alpha/A$1", Optional.of(sha("A1")), List.of())));
            return TestImages.tests(
                    Coordinates.of("com.acme", "widget", "1.2.3"),
                    new TrainedOn("Eclipse Adoptium", "25.0.3+9-LTS", 25, "G1", true),
                    fingerprints,
                    List.of(
                            new ClassEntry(
                                    "com/acme/Widget",
                                    Optional.of(sha("Widget")),
                                    List.of(
                                            "@cp com/acme/Widget 1 7 12",
                                            "@lambda-proxy com/acme/Widget run ()Ljava/lang/Runnable; ()V REF_invokeStatic"
                                                    + " com/acme/Widget lambda$new$0 ()V ()V")),
                            new ClassEntry("com/acme/Widget$Part", Optional.of(sha("Part")), List.of())),
                    deps,
                    List.of(
                            new ClassEntry("java/lang/Object", Optional.empty(), List.of()),
                            new ClassEntry(
                                    "java/lang/Runnable", Optional.empty(), List.of("@cp java/lang/Runnable 1"))),
                    List.of(
                            "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder"
                                    + " invokeStatic L_L",
                            "@lambda-form-invoker [SPECIES_RESOLVE] java.lang.invoke.BoundMethodHandle$Species_L"),
                    new TrainingSummary(
                            "tests",
                            42,
                            2,
                            1,
                            12_345L,
                            List.of(
                                    "com.acme.WidgetTests#cafébreaks() — AssertionError: 1 ≠ 2",
                                    "com.acme.PartTests — java.lang.IllegalStateException: key=value [x]")),
                    sha("inputs"));
        }

        /** {@link #full()} with a {@value ImagePart#MAIN} part too, whose classes and failure differ. */
        static PackageImage twoParts() {
            PackageImage full = full();
            SortedMap<String, String> fingerprints = new TreeMap<>(full.fingerprints());
            fingerprints.put("com/acme/Main", sha("Main"));
            SortedMap<Coordinates, List<ClassEntry>> deps = new TreeMap<>();
            deps.put(
                    Coordinates.parse("org.dep:alpha:2.0"),
                    List.of(new ClassEntry(
                            "org/dep/alpha/A", Optional.of(sha("A")), List.of("@cp org/dep/alpha/A 4"))));
            ImagePart main = new ImagePart(
                    ImagePart.MAIN,
                    new TrainingSummary(
                            "main",
                            1,
                            1,
                            0,
                            987L,
                            List.of("com.acme.Main — java.lang.IllegalStateException: no config")),
                    sha("main inputs"),
                    List.of(
                            new ClassEntry("com/acme/Main", Optional.of(sha("Main")), List.of("@cp com/acme/Main 2")),
                            new ClassEntry("com/acme/Widget", Optional.of(sha("Widget")), List.of())),
                    deps,
                    List.of(new ClassEntry("java/lang/String", Optional.empty(), List.of())),
                    List.of());
            // given main first: the image orders its parts itself
            Map<String, ImagePart> parts = new LinkedHashMap<>();
            parts.put(ImagePart.MAIN, main);
            parts.put(ImagePart.TESTS, TestImages.testsPart(full));
            return new PackageImage(full.coordinates(), full.trainedOn(), fingerprints, parts);
        }

        /** The entries of a zip, in order. */
        static Map<String, byte[]> entries(Path zipFile) throws IOException {
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(zipFile.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    out.put(e.getName(), zip.getInputStream(e).readAllBytes());
                }
            }
            return out;
        }

        /** Writes a zip with exactly these entries, names not checked. */
        static void zip(Path file, Map<String, byte[]> entries) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, UTF_8)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            Files.write(file, bytes.toByteArray());
        }
    }
}
