package io.pkgimage.core.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One workload's share of a package image: what one kind of run of the package loaded and resolved.
 *
 * <p>An image holds up to one part of each {@linkplain #NAMES name}: {@value #TESTS} from {@code pkgimage:compile},
 * {@value #MAIN} and {@value #INTEGRATION_TESTS} from {@code pkgimage:record}, {@value #SHELL} from recorded shell
 * sessions. Each is replaced on its own, and the link step takes every part's classes.
 *
 * @param name which workload, one of {@link #NAMES}
 * @param summary what the run did
 * @param inputsSha256 fingerprint of every input of the run (its definition, the classes, the class path), for the
 *     up-to-date check of the goal that writes the part
 * @param ownClasses the package's classes that the run loaded
 * @param dependencyClasses classes of each runtime dependency that the run loaded, by its coordinates
 * @param jdkClasses JDK classes that the run loaded
 * @param lambdaFormInvokers the {@code @lambda-form-invoker} lines (JDK method-handle forms)
 */
public record ImagePart(
        String name,
        TrainingSummary summary,
        String inputsSha256,
        List<ClassEntry> ownClasses,
        SortedMap<Coordinates, List<ClassEntry>> dependencyClasses,
        List<ClassEntry> jdkClasses,
        List<String> lambdaFormInvokers) {

    /** The package's tests, run by {@code pkgimage:compile}. */
    public static final String TESTS = "tests";
    /** A main class of the module, run by {@code pkgimage:record}. */
    public static final String MAIN = "main";
    /** The module's integration tests as Failsafe runs them, run by {@code pkgimage:record}. */
    public static final String INTEGRATION_TESTS = "integration-tests";
    /** Recorded {@code pkgimage:shell} sessions, each added to the ones before. */
    public static final String SHELL = "shell";
    /** Every part name, in the order an image lists them. */
    public static final List<String> NAMES = List.of(TESTS, MAIN, INTEGRATION_TESTS, SHELL);

    public ImagePart {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("Unknown image part '" + name + "' (known: " + NAMES + ")");
        }
        ownClasses = sortedEntries(ownClasses);
        TreeMap<Coordinates, List<ClassEntry>> deps = new TreeMap<>();
        dependencyClasses.forEach((k, v) -> deps.put(k, sortedEntries(v)));
        dependencyClasses = Collections.unmodifiableSortedMap(deps);
        jdkClasses = sortedEntries(jdkClasses);
        for (String line : lambdaFormInvokers) {
            if (!line.startsWith("@lambda-form-invoker ") || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("Invalid lambda-form-invoker line '" + line + "'");
            }
        }
        lambdaFormInvokers = List.copyOf(new TreeSet<>(lambdaFormInvokers));
    }

    /** Number of classlist entries over all owners. */
    public int classCount() {
        return ownClasses.size()
                + dependencyClasses.values().stream().mapToInt(List::size).sum()
                + jdkClasses.size();
    }

    /**
     * This part with {@code later}'s classes added, for workloads that accumulate (shell sessions): a class both
     * recorded keeps the later fingerprint, with the lines of both runs when the fingerprints agree and the later
     * run's alone when the class changed in between.
     */
    public ImagePart plus(ImagePart later, TrainingSummary summary, String inputsSha256) {
        TreeMap<Coordinates, List<ClassEntry>> deps = new TreeMap<>(dependencyClasses);
        later.dependencyClasses.forEach((k, v) -> deps.merge(k, v, ImagePart::union));
        Set<String> invokers = new LinkedHashSet<>(lambdaFormInvokers);
        invokers.addAll(later.lambdaFormInvokers);
        return new ImagePart(
                name,
                summary,
                inputsSha256,
                union(ownClasses, later.ownClasses),
                deps,
                union(jdkClasses, later.jdkClasses),
                new ArrayList<>(invokers));
    }

    private static List<ClassEntry> union(List<ClassEntry> earlier, List<ClassEntry> later) {
        Map<String, ClassEntry> all = new TreeMap<>();
        earlier.forEach(e -> all.put(e.name(), e));
        for (ClassEntry e : later) {
            all.merge(e.name(), e, (before, now) -> {
                if (!before.sha256().equals(now.sha256())) {
                    return now;
                }
                Set<String> lines = new LinkedHashSet<>(before.lines());
                lines.addAll(now.lines());
                return new ClassEntry(now.name(), now.sha256(), new ArrayList<>(lines));
            });
        }
        return new ArrayList<>(all.values());
    }

    private static List<ClassEntry> sortedEntries(List<ClassEntry> entries) {
        List<ClassEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ClassEntry::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("Class " + sorted.get(i).name() + " is listed twice");
            }
        }
        return List.copyOf(sorted);
    }
}
