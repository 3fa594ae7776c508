package io.pkgimage.core.classlist;

import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.classpath.ClasspathIndex;
import io.pkgimage.core.image.ClassEntry;
import io.pkgimage.core.image.Coordinates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A recorded classlist split by owner: this package, each runtime dependency, and the JDK.
 *
 * @param self the package's own classes
 * @param dependencies each dependency's classes by its coordinates
 * @param jdk classes of the JDK's run-time image
 * @param lambdaFormInvokers the JDK method-handle forms that were used
 * @param dropped classes left out: of tests, test-only dependencies or the harness, or generated at run time (such
 *     as dynamic proxies, or JFR's event handlers in a JDK package) and so found on no classpath entry and in no JDK module
 */
public record ClassListSplit(
        List<ClassEntry> self,
        SortedMap<Coordinates, List<ClassEntry>> dependencies,
        List<ClassEntry> jdk,
        List<String> lambdaFormInvokers,
        int dropped) {

    /**
     * Splits {@code recorded} by the owners that {@code index} gives each class; classes found on no classpath entry
     * belong to the JDK when {@code isJdkClass} says so, and are dropped otherwise.
     */
    public static ClassListSplit of(RecordedClassList recorded, ClasspathIndex index, Predicate<String> isJdkClass) {
        List<ClassEntry> self = new ArrayList<>();
        SortedMap<Coordinates, List<ClassEntry>> deps = new TreeMap<>();
        List<ClassEntry> jdk = new ArrayList<>();
        int dropped = 0;
        for (String name : recorded.classes()) {
            Optional<ClasspathIndex.Origin> origin = index.find(name);
            List<String> lines = recorded.linesOf(name);
            if (origin.isEmpty()) {
                if (isJdkClass.test(name)) {
                    jdk.add(new ClassEntry(name, Optional.empty(), lines));
                } else {
                    dropped++;
                }
                continue;
            }
            ClasspathEntry entry = origin.get().entry();
            ClassEntry classEntry =
                    new ClassEntry(name, Optional.of(origin.get().sha256()), lines);
            switch (entry.role()) {
                case SELF -> self.add(classEntry);
                case DEPENDENCY -> deps.computeIfAbsent(entry.coordinates().orElseThrow(), k -> new ArrayList<>())
                        .add(classEntry);
                case TEST -> dropped++;
            }
        }
        return new ClassListSplit(self, deps, jdk, recorded.lambdaFormInvokers(), dropped);
    }
}
