package io.pkgimage.core.link;

import io.pkgimage.core.image.PackageImage;
import io.pkgimage.core.io.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The two keys of a link. Both hold pkgimage's version, the JDK, the JVM options and the class path's jars by path,
 * size and time, as the JVM checks them.
 */
final class LinkKeys {
    private LinkKeys() {}

    /** The up-to-date key of one output directory: the above and the image files and shared classes. */
    static String upToDate(LinkRequest request, List<Path> classpath, List<String> imageHashes) {
        List<String> content = new ArrayList<>(List.of("images"));
        content.addAll(imageHashes);
        content.add("shared");
        content.addAll(request.shared().classes());
        request.shared().classLines().values().forEach(content::addAll);
        content.addAll(request.shared().lambdaFormInvokers());
        return digest(request, classpath, content);
    }

    /**
     * The cache key: everything the archive is made of, the images by the merged classlist they give, so that images
     * retrained to the same classes share an archive.
     */
    static String content(LinkRequest request, List<Path> classpath, List<String> classlist) {
        List<String> content = new ArrayList<>(List.of("classlist"));
        content.addAll(classlist);
        return digest(request, classpath, content);
    }

    private static String digest(LinkRequest request, List<Path> classpath, List<String> content) {
        MessageDigest digest = Hashing.sha256();
        List<String> parts = new ArrayList<>();
        parts.add("link-format 1 " + PackageImage.FORMAT_VERSION + " " + request.toolVersion());
        parts.add(request.jdk().home() + " " + request.jdk().runtimeVersion() + " "
                + request.jdk().vendor());
        parts.add(String.join(" ", request.jvmOptions()));
        for (Path p : classpath) {
            try {
                parts.add(p + " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                parts.add(p + " missing");
            }
        }
        parts.addAll(content);
        parts.forEach(s -> {
            digest.update(s.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }
}
