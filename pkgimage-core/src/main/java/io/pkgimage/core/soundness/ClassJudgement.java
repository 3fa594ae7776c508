package io.pkgimage.core.soundness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdicts on the tests of one test class, judged by its plain and imaged runs, and the tests still to run again.
 *
 * <p>A test that differs between the two JVMs of its batch (another result, or a result in one JVM only) runs again
 * alone in a fresh pair of JVMs, and {@link Verdict#alone} then says whose the difference is. Up to {@value
 * #ALONE_TESTS} such tests of one class each get a pair of their own; more run again together in one pair.
 *
 * @param verdicts the verdict on each test, by unique id, in the order the tests were given
 * @param reruns the groups of differing tests still to run again, each group in a fresh pair of JVMs
 */
public record ClassJudgement(Map<String, Verdict> verdicts, List<List<String>> reruns) {
    /** How many differing tests of one class run again each alone; more, and they run again together. */
    public static final int ALONE_TESTS = 5;

    public ClassJudgement {
        verdicts = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
        reruns = reruns.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Judges the tests of a class.
     *
     * @param tests the unique ids of the class's tests: those discovered, then those that either JVM ran besides
     * @param plain the plain JVM's log
     * @param imaged the imaged JVM's log
     * @param crash why a JVM of the pair ended while it ran the class, if it did: each test without a result in both
     *     JVMs is then {@link Verdict.Kind#MISSING} for that reason, and does not run again
     */
    public static ClassJudgement of(Collection<String> tests, RunLog plain, RunLog imaged, Optional<String> crash) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        for (String test : tests) {
            Optional<TestRecord> p = plain.result(test);
            Optional<TestRecord> i = imaged.result(test);
            Verdict v;
            if (crash.isPresent() && (p.isEmpty() || i.isEmpty())) {
                v = new Verdict(Verdict.Kind.MISSING, crash.get());
            } else {
                v = Verdict.compare(p, i);
                if (v.kind() == Verdict.Kind.IMAGE_DIVERGENCE
                        || v.kind() == Verdict.Kind.MISSING && (p.isPresent() || i.isPresent())) {
                    differing.add(test);
                }
            }
            verdicts.put(test, v);
        }
        List<List<String>> reruns = differing.size() > ALONE_TESTS
                ? List.of(differing)
                : differing.stream().map(List::of).collect(Collectors.toList());
        return new ClassJudgement(verdicts, reruns);
    }

    /**
     * The judgement once the tests of {@code rerun} ran again in a fresh pair of JVMs, whose logs are {@code plain}
     * and {@code imaged}: each of them gets its {@link Verdict#alone} verdict, and the group is no longer to run.
     *
     * @throws IllegalArgumentException when a test of {@code rerun} is not one of the class's
     */
    public ClassJudgement afterRerun(List<String> rerun, RunLog plain, RunLog imaged) {
        Map<String, Verdict> after = new LinkedHashMap<>(verdicts);
        for (String test : rerun) {
            Verdict inBatch = verdicts.get(test);
            if (inBatch == null) {
                throw new IllegalArgumentException("Expecting a test of the class but was '" + test + "'");
            }
            after.put(test, Verdict.alone(inBatch, plain.result(test), imaged.result(test)));
        }
        List<List<String>> rest = new ArrayList<>(reruns);
        rest.remove(rerun);
        return new ClassJudgement(after, rest);
    }
}
