package io.pkgimage.core.link;

import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What linking the images of one classpath for one JDK needs.
 *
 * @param name the base name of the outputs ({@code <name>.jsa}, {@code <name>.args}, ...)
 * @param jdk the target JDK, which dumps the archive and runs it
 * @param classpath the runtime class path in order; folders are jarred, as archives hold only jars
 * @param images package image files to use; unreadable ones are refused (or fail the link when {@code strict})
 * @param jvmOptions JVM options of the run that shape the archive (GC, heap, compressed pointers); the dump, the
 *     proof of loading and the argfile all use them
 * @param strict whether a refused image fails the link
 * @param outputDirectory where the archive, argfile, classlist and report go ({@code target/pkgimage})
 * @param cacheDirectory the content-addressed cache of archives, shared by builds
 * @param timeout how long the dump and the proof each may run
 * @param toolVersion the version of pkgimage itself
 * @param shared classes archived next to the images' as recorded, such as a test harness's own (empty for none)
 */
public record LinkRequest(
        String name,
        Jdk jdk,
        List<ClasspathEntry> classpath,
        List<Path> images,
        List<String> jvmOptions,
        boolean strict,
        Path outputDirectory,
        Path cacheDirectory,
        Duration timeout,
        String toolVersion,
        RecordedClassList shared) {

    /** A request that archives the images' classes and the JDK's default ones, nothing else. */
    public LinkRequest(
            String name,
            Jdk jdk,
            List<ClasspathEntry> classpath,
            List<Path> images,
            List<String> jvmOptions,
            boolean strict,
            Path outputDirectory,
            Path cacheDirectory,
            Duration timeout,
            String toolVersion) {
        this(
                name,
                jdk,
                classpath,
                images,
                jvmOptions,
                strict,
                outputDirectory,
                cacheDirectory,
                timeout,
                toolVersion,
                RecordedClassList.parse(List.of()));
    }

    public LinkRequest {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "The link name '" + name + "' must be a file name (letters, digits, '.', '_', '-')");
        }
        classpath = List.copyOf(classpath);
        images = List.copyOf(images);
        jvmOptions = List.copyOf(jvmOptions);
    }
}
