package io.pkgimage.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.training.TestFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.surefire.api.testset.TestListResolver;
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

    private static TestSelection of(List<String> includes, List<String> excludes) {
        return new TestSelection(includes, excludes, Optional.empty(), List.of(), List.of());
    }

    @Test
    void antPatternsWithoutSuffixOrWithClassSuffix() {
        TestSelection selection = of(List.of("**/*Spec", "com/acme/*Check.class"), List.of());

        assertThat(selection.testClasses(testClasses))
                .containsExactly("com.acme.FooCheck", "com.acme.FooSpec", "com.acme.deep.BarSpec");
    }

    @Test
    void doubleStarSlashAlsoMatchesNoFolder() {
        TestSelection selection = of(List.of("**/BarTests.java", "**/deep/**/*.java"), List.of());

        assertThat(selection.testClasses(testClasses))
                .containsExactly(
                        "BarTests", "com.acme.deep.BarCheck", "com.acme.deep.BarSpec", "com.acme.deep.er.DeepTests");
    }

    @Test
    void aPatternWithoutFoldersMatchesInAnyPackageAsSurefireDoes() {
        // Surefire's -Dtest=FooTest runs com.acme.FooTest: a pattern without a folder gets "**/" in front
        assertThat(of(List.of("FooTest", "DeepTests.java"), List.of()).testClasses(testClasses))
                .containsExactly("com.acme.FooTest", "com.acme.deep.er.DeepTests");
    }

    @Test
    void aDottedClassNameIsAPath() {
        assertThat(of(List.of("com.acme.FooSpec"), List.of()).testClasses(testClasses))
                .containsExactly("com.acme.FooSpec");
    }

    @Test
    void regexPatterns() {
        TestSelection selection =
                of(List.of("%regex[com/acme/Foo(Spec|Check).*]", "%regex[.*/deep/.*]"), List.of("%regex[.*/er/.*]"));

        assertThat(selection.testClasses(testClasses))
                .containsExactly(
                        "com.acme.FooCheck", "com.acme.FooSpec", "com.acme.deep.BarCheck", "com.acme.deep.BarSpec");
    }

    @Test
    void aNegatedIncludeExcludesAsInDashDTest() {
        // -Dtest='*Tests, !Bar*' runs every *Tests class but BarTests
        assertThat(of(List.of("*Tests", "!Bar*"), List.of()).testClasses(testClasses))
                .containsExactly("com.acme.FooTests", "com.acme.deep.er.DeepTests");
    }

    @Test
    void aMethodPatternSelectsItsClassAndNamesTheMethodsForTheChild() {
        // -Dtest='FooTest#parses*+writes, !FooTests#slow'
        List<String> tests = List.of("FooTest#parses*+writes", "!FooTests#slow");
        TestSelection selection =
                new TestSelection(tests, List.of(), TestSelection.methodsOf(tests, List.of()), List.of(), List.of());

        assertThat(selection.testClasses(testClasses)).containsExactly("com.acme.FooTest");
        assertThat(selection.methods()).isPresent();
        TestListResolver child = new TestListResolver(selection.methods().get());
        assertThat(child.shouldRun("com/acme/FooTest.class", "parsesDates")).isTrue();
        assertThat(child.shouldRun("com/acme/FooTest.class", "writes")).isTrue();
        assertThat(child.shouldRun("com/acme/FooTest.class", "reads")).isFalse();
        assertThat(child.shouldRun("com/acme/FooTests.class", "slow")).isFalse();
    }

    @Test
    void theChildFiltersByTheTagsAndTheMethodPatternsAlone() {
        List<String> tests = List.of("FooTest#parses*");
        TestSelection selection = new TestSelection(
                tests, List.of(), TestSelection.methodsOf(tests, List.of()), List.of("fast"), List.of("slow"));

        assertThat(selection.filter()).isEqualTo(new TestFilter(List.of("fast"), List.of("slow"), selection.methods()));
    }

    @Test
    void classPatternsNameNoMethods() {
        assertThat(TestSelection.methodsOf(List.of("FooTest", "**/*Spec.java"), List.of("**/*$*")))
                .isEmpty();
    }

    @Test
    void excludesWinOverIncludes() {
        TestSelection selection = of(TestSelection.DEFAULT_INCLUDES, List.of("**/Foo*", "**/BarTests*", "**/*$*"));

        assertThat(selection.testClasses(testClasses))
                .containsExactly("com.acme.TestFoo", "com.acme.deep.er.DeepTests");
    }

    @Test
    void resultIsSortedByBinaryName() {
        // GIVEN excludes that keep nested classes: in resource order "FooTests$Nested.class" < "FooTests.class"
        TestSelection selection = of(List.of("**/FooTests*"), List.of("**/Nothing"));

        // THEN the binary names come sorted, as the javadoc promises
        assertThat(selection.testClasses(testClasses))
                .containsExactly("com.acme.FooTests", "com.acme.FooTests$Nested")
                .isSorted();
    }

    @Test
    void customExcludesReplaceTheDefaultOne() {
        TestSelection selection = of(List.of("**/TestFoo*"), List.of("**/Foo*"));

        assertThat(selection.testClasses(testClasses))
                .containsExactlyInAnyOrder("com.acme.TestFoo", "com.acme.TestFoo$1");
    }

    @Test
    void anExcludeWithANegationIsRefusedAsSurefireRefusesIt() {
        assertThatThrownBy(() -> of(List.of("**/*Tests"), List.of("!Foo")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFolderHasNoTests() {
        assertThat(TestSelection.defaults().testClasses(testClasses.resolve("missing")))
                .isEmpty();
    }
}
