package io.pkgimage.core.link;

import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.ImagePart;
import io.pkgimage.core.image.PackageImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks package images against the classes really on a classpath and merges what still holds into one classlist
 * for the target JDK.
 *
 * <p>A class entry is kept only if the class file that the JVM would load has the fingerprint the image recorded:
 * a changed class drops its own entry and the lines that belong to it, nothing else. JDK entries and method-handle
 * forms hold only for the feature release that trained them; {@code @cp} lines only for JDK 24+.
 */
public final class ImageMerge {
    private static final int EXAMPLES = 5;

    /**
     * What was kept and dropped of one image.
     *
     * @param coordinates the image's package
     * @param kept entries kept
     * @param changed entries dropped because the class file on the classpath differs from the trained one
     * @param missing entries dropped because no classpath entry has the class
     * @param otherJdk JDK entries and method-handle forms dropped because the image was trained on another release
     * @param notes readable remarks (examples of dropped classes, feature or GC differences)
     */
    public record ImageStats(
            Coordinates coordinates, int kept, int changed, int missing, int otherJdk, List<String> notes) {}

    /**
     * The merged classlist.
     *
     * @param lines the classlist to dump, in the JVM's classlist syntax with fresh ids
     * @param appClasses the merged classes that come from the classpath (not the JDK), for the proof of loading
     * @param stats per image
     * @param shared classes of the shared classlist that were merged
     */
    public record Merged(List<String> lines, List<String> appClasses, List<ImageStats> stats, int shared) {}

    private static final class Entry {
        final Set<Integer> cp = new TreeSet<>();
        final Set<String> lines = new LinkedHashSet<>();
        boolean fromClasspath;
    }

    private ImageMerge() {}

    /**
     * Merges {@code images}, checked against {@code index}, on top of {@code base} (the JDK's own default classlist,
     * or an empty one).
     */
    public static Merged merge(
            List<PackageImage> images, ClasspathIndex index, int targetFeature, RecordedClassList base) {
        return merge(images, index, targetFeature, base, RecordedClassList.parse(List.of()));
    }

    /**
     * Merges {@code images} as above, and {@code shared} too: classes archived as recorded, next to the images' (a
     * test harness's own, say); those on the class path are taken as they are there, the others as the JDK's.
     */
    public static Merged merge(
            List<PackageImage> images,
            ClasspathIndex index,
            int targetFeature,
            RecordedClassList base,
            RecordedClassList shared) {
        boolean cpLines = targetFeature >= 24;
        Map<String, Entry> jdk = new LinkedHashMap<>();
        Map<String, Entry> app = new LinkedHashMap<>();
        Set<String> invokers = new LinkedHashSet<>(base.lambdaFormInvokers());
        for (String name : base.classes()) {
            Entry e = jdk.computeIfAbsent(name, n -> new Entry());
            base.linesOf(name).forEach(l -> add(e, name, l, cpLines));
        }
        List<ImageStats> stats = new ArrayList<>();
        for (PackageImage image : images) {
            boolean sameJdk = image.trainedOn().feature() == targetFeature;
            // a class that several parts recorded counts once; its lines are those of every part that holds
            Set<String> kept = new HashSet<>();
            Set<String> changed = new TreeSet<>();
            Set<String> missing = new TreeSet<>();
            Set<String> otherJdk = new HashSet<>();
            for (ImagePart part : image.parts().values()) {
                List<ClassEntry> fromClasspath = new ArrayList<>(part.ownClasses());
                part.dependencyClasses().values().forEach(fromClasspath::addAll);
                for (ClassEntry c : fromClasspath) {
                    Optional<ClasspathIndex.Origin> origin = index.find(c.name());
                    if (origin.isEmpty()) {
                        missing.add(c.name());
                    } else if (c.sha256().isPresent()
                            && !c.sha256().get().equals(origin.get().sha256())) {
                        changed.add(c.name());
                    } else {
                        Entry e = app.computeIfAbsent(c.name(), n -> new Entry());
                        e.fromClasspath = true;
                        c.lines().forEach(l -> add(e, c.name(), l, cpLines));
                        kept.add(c.name());
                    }
                }
                if (sameJdk) {
                    for (ClassEntry c : part.jdkClasses()) {
                        if (index.find(c.name()).isPresent()) {
                            // a class of the JDK's packages shadowed on the classpath is not the JDK's
                            missing.add(c.name());
                            continue;
                        }
                        Entry e = jdk.computeIfAbsent(c.name(), n -> new Entry());
                        c.lines().forEach(l -> add(e, c.name(), l, cpLines));
                        kept.add(c.name());
                    }
                    invokers.addAll(part.lambdaFormInvokers());
                } else {
                    part.jdkClasses().forEach(c -> otherJdk.add(c.name()));
                    otherJdk.addAll(part.lambdaFormInvokers());
                }
            }
            changed.removeAll(kept); // recorded before a change by one part, and after it by another
            List<String> changedExamples = changed.stream().limit(EXAMPLES).toList();
            List<String> missingExamples = missing.stream().limit(EXAMPLES).toList();
            List<String> notes = new ArrayList<>();
            if (!changedExamples.isEmpty()) {
                notes.add("changed since training: " + String.join(", ", changedExamples) + more(changed.size()));
            }
            if (!missingExamples.isEmpty()) {
                notes.add("not on this classpath: " + String.join(", ", missingExamples) + more(missing.size()));
            }
            if (!sameJdk) {
                notes.add("trained on JDK " + image.trainedOn().feature() + ", linked for JDK " + targetFeature
                        + ": its " + otherJdk.size() + " JDK entries are not used, its classpath entries are");
            }
            stats.add(new ImageStats(
                    image.coordinates(), kept.size(), changed.size(), missing.size(), otherJdk.size(), notes));
        }
        int sharedCount = 0;
        for (String name : shared.classes()) {
            if (app.containsKey(name)) {
                continue; // an image's class, checked against the class path above
            }
            boolean onClasspath = index.find(name).isPresent();
            Entry e = (onClasspath ? app : jdk).computeIfAbsent(name, n -> new Entry());
            e.fromClasspath |= onClasspath;
            shared.linesOf(name).forEach(l -> add(e, name, l, cpLines));
            sharedCount++;
        }
        invokers.addAll(shared.lambdaFormInvokers());
        List<String> lines = new ArrayList<>();
        lines.add("# pkgimage: merged classlist of " + images.size() + " package images"
                + (shared.classes().isEmpty() ? "" : " and " + sharedCount + " shared classes"));
        int id = 0;
        List<String> appClasses = new ArrayList<>();
        for (Map<String, Entry> section : List.of(jdk, app)) {
            for (Map.Entry<String, Entry> e : section.entrySet()) {
                if (section == jdk && app.containsKey(e.getKey())) {
                    continue;
                }
                lines.add(e.getKey() + " id: " + id++);
                if (e.getValue().fromClasspath) {
                    appClasses.add(e.getKey());
                }
            }
        }
        for (Map<String, Entry> section : List.of(jdk, app)) {
            section.forEach((name, e) -> {
                lines.addAll(e.lines);
                if (!e.cp.isEmpty()) {
                    StringBuilder cp = new StringBuilder("@cp ").append(name);
                    e.cp.forEach(i -> cp.append(' ').append(i));
                    lines.add(cp.toString());
                }
            });
        }
        lines.addAll(invokers);
        return new Merged(lines, appClasses, stats, sharedCount);
    }

    private static void add(Entry e, String name, String line, boolean cpLines) {
        String[] parts = line.split(" ");
        if (parts.length < 3 || !parts[1].equals(name)) {
            return; // malformed, or about another class: not a line of this class
        }
        if (parts[0].equals("@cp")) {
            if (cpLines) {
                for (int i = 2; i < parts.length; i++) {
                    try {
                        e.cp.add(Integer.parseInt(parts[i]));
                    } catch (NumberFormatException ignored) {
                        // a malformed index cannot be archived; the class itself still is
                    }
                }
            }
        } else if (parts[0].equals("@lambda-proxy")) {
            e.lines.add(line);
        }
        // any other tag is no class line of the JVM's classlist: the dump would stop at it
    }

    private static String more(int count) {
        return count > EXAMPLES ? " and " + (count - EXAMPLES) + " more" : "";
    }
}
