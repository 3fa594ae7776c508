package io.pkgimage.core.soundness;

import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.io.DeterministicJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * The class path of the imaged JVM for a test class path, laid out so that it finds its classes and resources as
 * Surefire's JVM does wherever an archive allows it.
 *
 * <p>An archive holds classes of jars only, and maps only for a class path that begins with the jars it was dumped
 * with, so the entries that hold classes of the images ({@link #archived()}: a user's imaged JVM has them as jars too,
 * from the argfile) come first, and the class folders that hold none, the test classes, follow as folders
 * ({@link #appended()}): a test resource is then a file, as under Surefire. Moving those folders behind the jars
 * would let a jar win where Surefire finds a file of the folder first (a test {@code application.properties} over
 * the application's): such files go into a small jar at the front instead ({@link #overlay()}), and the folder is seen
 * through a copy of hard links without them, so that every name resolves to the same bytes as under Surefire and none
 * is found twice.
 *
 * @param archived the entries the archive is dumped with, in their order (folders among them are jarred by the link)
 * @param appended the folders that follow them
 * @param overlay the jar at the front that holds the files of {@code appended} which would otherwise lose to a jar
 */
public record ImagedLayout(List<Path> archived, List<Path> appended, Optional<Path> overlay) {
    public ImagedLayout {
        archived = List.copyOf(archived);
        appended = List.copyOf(appended);
    }

    /**
     * The layout of {@code classpath} (in Surefire's order), where {@code holdsImageClasses} tells the folders that
     * hold classes of the images; the overlay and the folders' copies go to {@code work}.
     */
    public static ImagedLayout of(List<Path> classpath, Predicate<Path> holdsImageClasses, Path work) {
        List<Path> archived = new ArrayList<>();
        List<Integer> keptAt = new ArrayList<>();
        for (int i = 0; i < classpath.size(); i++) {
            Path p = classpath.get(i);
            if (Files.isDirectory(p) && !holdsImageClasses.test(p)) {
                keptAt.add(i);
            } else {
                archived.add(p);
            }
        }
        Map<Integer, Set<String>> filesOf = new HashMap<>();
        Map<Path, Set<String>> shadowing = new HashMap<>();
        for (int k : keptAt) {
            Path folder = classpath.get(k);
            filesOf.put(k, DeterministicJar.fileNames(folder));
            Set<String> names = new LinkedHashSet<>(filesOf.get(k));
            for (int j = 0; j < k; j++) {
                names.removeAll(holding(classpath.get(j), names)); // an earlier entry wins there, as under Surefire
            }
            Set<String> lost = new LinkedHashSet<>();
            for (int j = k + 1; j < classpath.size(); j++) {
                if (!keptAt.contains(j)) {
                    lost.addAll(holding(classpath.get(j), names));
                }
            }
            if (!lost.isEmpty()) {
                shadowing.put(folder, lost);
            }
        }
        List<Path> appended = new ArrayList<>();
        if (shadowing.isEmpty()) {
            keptAt.forEach(k -> appended.add(classpath.get(k)));
            return new ImagedLayout(archived, appended, Optional.empty());
        }
        Path overlaySource = work.resolve("overlay");
        AtomicFiles.deleteTree(overlaySource);
        for (int k : keptAt) {
            Path folder = classpath.get(k);
            Set<String> lost = shadowing.get(folder);
            if (lost == null) {
                appended.add(folder);
                continue;
            }
            Path view = work.resolve("folders").resolve(k + "-" + folder.getFileName());
            AtomicFiles.deleteTree(view);
            for (String name : filesOf.get(k)) {
                linkOrCopy(folder.resolve(name), (lost.contains(name) ? overlaySource : view).resolve(name));
            }
            appended.add(view);
        }
        Path overlay = work.resolve("overlay.jar");
        DeterministicJar.ofIfChanged(overlaySource, overlay);
        List<Path> withOverlay = new ArrayList<>();
        withOverlay.add(overlay);
        withOverlay.addAll(archived);
        return new ImagedLayout(withOverlay, appended, Optional.of(overlay));
    }

    /** The whole class path: the archived entries, then the folders. */
    public List<Path> classpath(List<Path> archivedAsLinked) {
        List<Path> all = new ArrayList<>(archivedAsLinked);
        all.addAll(appended);
        return all;
    }

    /** Which of {@code names} the jar or folder {@code entry} holds. */
    private static Set<String> holding(Path entry, Set<String> names) {
        Set<String> held = new LinkedHashSet<>();
        if (Files.isDirectory(entry)) {
            names.stream().filter(n -> Files.isRegularFile(entry.resolve(n))).forEach(held::add);
        } else if (Files.isRegularFile(entry)) {
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                names.stream()
                        .filter(n -> {
                            var e = zip.getEntry(n);
                            return e != null && !e.isDirectory();
                        })
                        .forEach(held::add);
            } catch (IOException e) {
                // not a jar the JVM can read either: it holds nothing for it
            }
        }
        return held;
    }

    private static void linkOrCopy(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target); // another file system: a copy reads the same
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy '" + source + "' to '" + target + "': " + e.getMessage(), e);
        }
    }
}
