package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClassJudgementTests {
    private static final String CLASS = "[engine:e]/[class:C]";

    @Test
    void testsWithTheSameResultsAreSoundAndNothingRunsAgain() {
        RunLog plain = log(Map.of(test("a"), passed("1"), test("b"), passed("2")));

        ClassJudgement judgement = ClassJudgement.of(List.of(test("a"), test("b")), plain, plain, Optional.empty());

        assertThat(judgement.verdicts()).containsOnlyKeys(test("a"), test("b"));
        assertThat(judgement.verdicts().values()).extracting(Verdict::kind).containsOnly(Verdict.Kind.SOUND);
        assertThat(judgement.reruns()).isEmpty();
    }

    @Test
    void eachTestThatDiffersOrRanInOneJvmOnlyRunsAgainAloneButNotOneThatRanInNeither() {
        // GIVEN a diverging test, one that only the plain JVM ran, one that neither ran, and an unsound one
        RunLog plain = log(Map.of(
                test("diverges"), passed("1"),
                test("plainOnly"), passed("1"),
                test("fails"), failed()));
        RunLog imaged = log(Map.of(test("diverges"), passed("2"), test("fails"), passed("1")));
        List<String> tests = List.of(test("diverges"), test("plainOnly"), test("neither"), test("fails"));

        // WHEN
        ClassJudgement judgement = ClassJudgement.of(tests, plain, imaged, Optional.empty());

        // THEN verdicts come in the order of the tests given, and the differing ones run again one by one
        assertThat(judgement.verdicts().keySet()).containsExactlyElementsOf(tests);
        assertThat(judgement.verdicts().values())
                .extracting(Verdict::kind)
                .containsExactly(
                        Verdict.Kind.IMAGE_DIVERGENCE,
                        Verdict.Kind.MISSING,
                        Verdict.Kind.MISSING,
                        Verdict.Kind.UNSOUND_TEST);
        assertThat(judgement.reruns()).containsExactly(List.of(test("diverges")), List.of(test("plainOnly")));
    }

    @Test
    void upToFiveDifferingTestsRunAgainEachAloneMoreRunAgainTogether() {
        assertThat(diverging(ClassJudgement.ALONE_TESTS).reruns()).hasSize(ClassJudgement.ALONE_TESTS);

        ClassJudgement many = diverging(ClassJudgement.ALONE_TESTS + 1);

        assertThat(many.reruns()).hasSize(1);
        assertThat(many.reruns().get(0)).hasSize(ClassJudgement.ALONE_TESTS + 1).startsWith(test("t0"));
    }

    @Test
    void afterACrashTheTestsWithoutAResultInBothJvmsAreMissingForItsReasonAndDoNotRunAgain() {
        RunLog plain = log(Map.of(test("done"), passed("1"), test("running"), passed("1")));
        RunLog imaged = log(Map.of(test("done"), passed("1")));

        ClassJudgement judgement = ClassJudgement.of(
                List.of(test("done"), test("running"), test("after")),
                plain,
                imaged,
                Optional.of("The imaged JVM terminated"));

        assertThat(judgement.verdicts())
                .containsEntry(test("running"), new Verdict(Verdict.Kind.MISSING, "The imaged JVM terminated"))
                .containsEntry(test("after"), new Verdict(Verdict.Kind.MISSING, "The imaged JVM terminated"));
        assertThat(judgement.verdicts().get(test("done")).kind()).isEqualTo(Verdict.Kind.SOUND);
        assertThat(judgement.reruns()).isEmpty();
    }

    @Test
    void aRunAgainAttributesTheDifferenceOfItsTestsAndIsNoLongerToRun() {
        // GIVEN two diverging tests
        RunLog plain = log(Map.of(test("image"), passed("1"), test("order"), passed("1")));
        RunLog imaged = log(Map.of(test("image"), passed("2"), test("order"), passed("2")));
        ClassJudgement judgement =
                ClassJudgement.of(List.of(test("image"), test("order")), plain, imaged, Optional.empty());

        // WHEN one differs again alone, the other does not
        ClassJudgement once = judgement.afterRerun(List.of(test("image")), plain, imaged);
        ClassJudgement twice = once.afterRerun(List.of(test("order")), plain, plain);

        // THEN
        assertThat(once.reruns()).containsExactly(List.of(test("order")));
        assertThat(twice.reruns()).isEmpty();
        assertThat(twice.verdicts().get(test("image")))
                .isEqualTo(new Verdict(
                        Verdict.Kind.IMAGE_DIVERGENCE,
                        "observed 'x': plain <1> | imaged <2>\n(the same alone in a fresh pair of JVMs)"));
        assertThat(twice.verdicts().get(test("order")).kind()).isEqualTo(Verdict.Kind.ORDER_DEPENDENT);
        assertThat(judgement.verdicts().get(test("order")).kind()).isEqualTo(Verdict.Kind.IMAGE_DIVERGENCE);
    }

    @Test
    void aRunAgainOfATestThatIsNotTheClassesIsABug() {
        RunLog plain = log(Map.of(test("a"), passed("1")));
        ClassJudgement judgement = ClassJudgement.of(List.of(test("a")), plain, plain, Optional.empty());

        assertThatThrownBy(() -> judgement.afterRerun(List.of(test("b")), plain, plain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expecting a test of the class but was '" + test("b") + "'");
    }

    private static ClassJudgement diverging(int n) {
        List<String> tests = IntStream.range(0, n).mapToObj(i -> test("t" + i)).collect(Collectors.toList());
        Map<String, TestRecord> plain = new LinkedHashMap<>();
        Map<String, TestRecord> imaged = new LinkedHashMap<>();
        tests.forEach(t -> {
            plain.put(t, passed("1"));
            imaged.put(t, passed("2"));
        });
        return ClassJudgement.of(tests, log(plain), log(imaged), Optional.empty());
    }

    private static String test(String method) {
        return CLASS + "/[method:" + method + "()]";
    }

    private static TestRecord passed(String x) {
        return new TestRecord("SUCCESSFUL", "", "", new TreeMap<>(Map.of("x", x)), 1);
    }

    private static TestRecord failed() {
        return new TestRecord("FAILED", "org.opentest4j.AssertionFailedError", "no", new TreeMap<>(), 1);
    }

    /** A complete log of the class with {@code results}, each test's node finished with its record. */
    static RunLog log(Map<String, TestRecord> results) {
        Map<String, RunLog.Node> nodes = new LinkedHashMap<>();
        nodes.put(CLASS, new RunLog.Node(CLASS, "[engine:e]", "CONTAINER", "C", "C", "class:C", Optional.empty()));
        results.forEach((id, r) -> nodes.put(id, new RunLog.Node(id, CLASS, "TEST", id, id, "", Optional.of(r))));
        return new RunLog(nodes, true, Optional.empty());
    }
}
