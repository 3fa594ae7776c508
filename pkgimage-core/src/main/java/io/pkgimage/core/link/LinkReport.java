package io.pkgimage.core.link;

import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.PackageImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The link report: what each image gave, what the archive holds, and the proof that the JVM maps it. */
final class LinkReport {
    private LinkReport() {}

    /** The report of a link made now: one line per fact, an image's notes indented under it. */
    static List<String> of(
            LinkRequest request,
            List<PackageImage> images,
            ImageMerge.Merged merged,
            int classpathEntries,
            long archiveBytes,
            ArchiveDumper.Dump dump,
            ArchiveDumper.Proof proof,
            long mergeMillis) {
        List<String> report = new ArrayList<>();
        report.add("JDK: " + request.jdk());
        report.add("JVM options: " + (request.jvmOptions().isEmpty() ? "(none)" : request.jvmOptions()) + ", GC "
                + proof.gc());
        report.add("archive: " + archiveBytes + " bytes, dumped in " + dump.millis() + " ms"
                + (dump.warnings() > 0 ? ", " + dump.warnings() + " classes the JDK would not archive" : ""));
        for (ImageMerge.ImageStats s : merged.stats()) {
            PackageImage image = images.stream()
                    .filter(i -> i.coordinates().equals(s.coordinates()))
                    .findFirst()
                    .orElseThrow();
            report.add("image " + s.coordinates() + " ("
                    + String.join(", ", image.parts().keySet()) + "): kept "
                    + s.kept() + " entries, dropped " + s.changed() + " changed, " + s.missing() + " missing, "
                    + s.otherJdk() + " of another JDK");
            s.notes().forEach(n -> report.add("  " + n));
            if (!image.trainedOn().gc().equals(proof.gc())) {
                report.add("  trained with the " + image.trainedOn().gc() + " GC, the run uses " + proof.gc()
                        + ": its classes hold for any GC; the archive is dumped for the run's");
            }
        }
        Set<Coordinates> imaged = images.stream().map(PackageImage::coordinates).collect(Collectors.toSet());
        List<String> without = request.classpath().stream()
                .filter(e -> e.coordinates().isPresent()
                        && !imaged.contains(e.coordinates().get()))
                .map(e -> e.coordinates().get().toString())
                .toList();
        report.add("without an image (" + without.size() + "): "
                + (without.isEmpty() ? "none" : String.join(", ", without)));
        if (merged.shared() > 0) {
            report.add("shared (not of an image): " + merged.shared() + " classes");
        }
        report.add("classpath: " + classpathEntries + " entries, "
                + merged.appClasses().size() + " of their classes in the merged classlist");
        report.add("proof: -Xshare:on started; " + proof.shared() + " of " + proof.checked()
                + " classpath classes loaded from the archive");
        report.add("time: check and merge " + mergeMillis + " ms, dump " + dump.millis() + " ms, proof "
                + proof.millis() + " ms");
        return report;
    }
}
