package io.pkgimage.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which of the tests' JVM options the test JVMs' archive is dumped with: those that shape an archive, no others. */
class PrepareTestMojoTests {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "-XX:+UseSerialGC",
                "-XX:+UseZGC",
                "-XX:-UseCompressedOops",
                "-XX:+UseCompressedClassPointers",
                "-Xmx512m",
                "-XX:MaxHeapSize=1g",
                "-XX:ObjectAlignmentInBytes=16",
                "-XX:+UseCompactObjectHeaders"
            })
    void optionsThatShapeAnArchiveAreDumpedWith(String option) {
        assertThat(PrepareTestMojo.shapesTheArchive(option)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "-Dfoo=bar",
                "-javaagent:/r/jacoco.jar=destfile=x",
                "-Xss2m",
                "-XX:+UseStringDeduplication",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-ea"
            })
    void otherOptionsAreNot(String option) {
        assertThat(PrepareTestMojo.shapesTheArchive(option)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-Xshare:off",
                "-XX:SharedArchiveFile=/x/app.jsa",
                "-XX:AOTCache=app.aot",
                "-XX:AOTMode=off",
                "-XX:-UseSharedSpaces"
            })
    void anArchiveOptionOfTheTestsIsFoundWhereverItStands(String option) {
        assertThat(PrepareTestMojo.archiveOption(java.util.List.of("-Xmx512m", option, "-ea")))
                .contains(option);
    }

    @org.junit.jupiter.api.Test
    void optionsWithoutOneHaveNone() {
        assertThat(PrepareTestMojo.archiveOption(java.util.List.of("-Xmx512m", "-Xshare:auto", "-Xlog:gc")))
                .isEmpty();
    }
}
