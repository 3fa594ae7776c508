package io.pkgimage.core.compile;

import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.image.TrainedOn;
import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.util.List;

/**
 * A recorded session of the module's code in a JVM that pkgimage did not run as a training JVM (a shell's execution
 * JVM), to add to the module's image.
 *
 * @param coordinates the package
 * @param jdk the JDK that ran the session
 * @param trainedOn that JVM as it ran (vendor, build, GC, heap layout)
 * @param classesDirectory the package's compiled classes
 * @param dependencies the rest of the session's class path in order, runtime dependencies with their coordinates
 * @param classlist the classlist that the JVM dumped ({@code -XX:DumpLoadedClassList})
 * @param wallMillis how long the session lasted
 * @param imageFile the module's image
 * @param workDirectory scratch space
 */
public record SessionRecording(
        Coordinates coordinates,
        Jdk jdk,
        TrainedOn trainedOn,
        Path classesDirectory,
        List<ClasspathEntry> dependencies,
        Path classlist,
        long wallMillis,
        Path imageFile,
        Path workDirectory) {
    public SessionRecording {
        dependencies = List.copyOf(dependencies);
    }
}
