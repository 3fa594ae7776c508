package io.pkgimage.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSelectionTests {
    @TempDir
    Path testClasses;

    @BeforeEach
    void classFiles() throws IOException {
        for (String resource : List.of(
                "BarTests.class",
                "com/acme/FooTests.class",
                "com/acme/TestFoo.class",
                "com/acme/FooTest.class",
                "com/acme/FooTestCase.class",
                "com/acme/Foo.class",
                "com/acme/Foo$Inner.class",
                "com/acme/FooTests$Nested.class",
                "com/acme/TestFoo$1.class",
                "com/acme/FooSpec.class",
                "com/acme/FooCheck.class",
                "com/acme/Testing.txt",
                "com/acme/deep/er/DeepTests.class",
                "com/acme/deep/BarCheck.class",
                "com/acme/deep/BarSpec.class")) {
            Path file = testClasses.resolve(resource);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        }
    }

    @Test
    void surefireDefaultsTakeTestClassesButNotNestedOnes() {
        assertThat(TestSelection.defaults().testClasses(testClasses))
                .containsExactly(
                        "BarTests",
                        "com.acme.FooTest",
                        "com.acme.FooTestCase",
                        "com.acme.FooTests",
                        "com.acme.TestFoo",
                        "com.acme.deep.er.DeepTests");
    }

    @Test
    void emptyListsMeanTheDefaults() {
        TestSelection selection = new TestSelection(List.of(), List.of(), List.of("fast"), List.of());

        assertThat(selection.includes()).isEqualTo(TestSelection.DEFAULT_INCLUDES);
        assertThat(selection.excludes()).isEqualTo(TestSelection.DEFAULT_EXCLUDES);
        assertThat(selection.includeTags()).containsExactly("fast");
    }

    @Test
    void antPatternsWithoutSuffixOrWithClassSuffix() {
        TestSelection selection =
                new TestSelection(List.of("**/*Spec", "com/acme/*Check.class"), List.of(), List.of(), List.of());

        assertThat(selection.testClasses(testClasses))
                .containsExactly("com.acme.FooCheck", "com.acme.FooSpec", "com.acme.deep.BarSpec");
    }

    @Test
    void doubleStarSlashAlsoMatchesNoFolder() {
        TestSelection selection =
                new TestSelection(List.of("**/BarTests.java", "**/deep/**/*.java"), List.of(), List.of(), List.of());

        assertThat(selection.testClasses(testClasses))
                .containsExactly(
                        "BarTests", "com.acme.deep.BarCheck", "com.acme.deep.BarSpec", "com.acme.deep.er.DeepTests");
    }

    @Test
    void singleStarAndQuestionMarkStayInOneFolder() {
        TestSelection selection =
                new TestSelection(List.of("com/*/Foo?est.java", "*Tests.java"), List.of(), List.of(), List.of());

        assertThat(selection.testClasses(testClasses)).containsExactly("BarTests", "com.acme.FooTest");
    }

    @Test
    void regexPatterns() {
        TestSelection selection = new TestSelection(
                List.of("%regex[com/acme/Foo(Spec|Check)\\.java]", "%regex[.*/deep/.*]"),
                List.of("%regex[.*/er/.*]"),
                List.of(),
                List.of());

        assertThat(selection.testClasses(testClasses))
                .containsExactly(
                        "com.acme.FooCheck", "com.acme.FooSpec", "com.acme.deep.BarCheck", "com.acme.deep.BarSpec");
    }

    @Test
    void excludesWinOverIncludes() {
        TestSelection selection =
                new TestSelection(List.of(), List.of("**/Foo*", "BarTests", "**/*$*"), List.of(), List.of());

        assertThat(selection.testClasses(testClasses))
                .containsExactly("com.acme.TestFoo", "com.acme.deep.er.DeepTests");
    }

    @Test
    void resultIsSortedByBinaryName() {
        // GIVEN excludes that keep nested classes: in resource order "FooTests$Nested.class" < "FooTests.class"
        TestSelection selection =
                new TestSelection(List.of("**/FooTests*"), List.of("**/Nothing"), List.of(), List.of());

        // THEN the binary names come sorted, as the javadoc promises
        assertThat(selection.testClasses(testClasses))
                .containsExactly("com.acme.FooTests", "com.acme.FooTests$Nested")
                .isSorted();
    }

    @Test
    void customExcludesReplaceTheDefaultOne() {
        TestSelection selection = new TestSelection(List.of("**/TestFoo*"), List.of("**/Foo*"), List.of(), List.of());

        assertThat(selection.testClasses(testClasses))
                .containsExactlyInAnyOrder("com.acme.TestFoo", "com.acme.TestFoo$1");
    }

    @Test
    void aMissingFolderHasNoTests() {
        assertThat(TestSelection.defaults().testClasses(testClasses.resolve("missing")))
                .isEmpty();
    }
}
