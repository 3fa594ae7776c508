package io.pkgimage.core.link;

import io.pkgimage.core.PkgImageVersion;
import io.pkgimage.core.classlist.RecordedClassList;
import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What linking the images of one classpath for one JDK needs; made with {@link #builder}.
 *
 * @param name the base name of the outputs ({@code <name>.jsa}, {@code <name>.args}, ...)
 * @param jdk the target JDK, which dumps the archive and runs it
 * @param classpath the runtime class path in order; folders are jarred, as archives hold only jars
 * @param images package image files to use; unreadable ones are refused (or fail the link when {@code strict})
 * @param jvmOptions JVM options of the run that shape the archive (GC, heap, compressed pointers); the dump, the
 *     proof of loading and the argfile all use them
 * @param strict whether a refused image fails the link
 * @param outputDirectory where the archive, argfile, classlist and report go ({@code target/pkgimage})
 * @param cache the content-addressed cache of archives, shared by builds
 * @param timeout how long the dump and the proof each may run
 * @param toolVersion the version of pkgimage itself, part of every key
 * @param shared classes archived next to the images' as recorded, such as a test harness's own (empty for none)
 * @param onMapFailure what the argfile makes a JVM do when the archive cannot map
 */
public record LinkRequest(
        String name,
        Jdk jdk,
        List<ClasspathEntry> classpath,
        List<Path> images,
        List<String> jvmOptions,
        boolean strict,
        Path outputDirectory,
        LinkCache cache,
        Duration timeout,
        String toolVersion,
        RecordedClassList shared,
        MapFailure onMapFailure) {

    public LinkRequest {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "The link name '" + name + "' must be a file name (letters, digits, '.', '_', '-')");
        }
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(cache, "cache");
        classpath = List.copyOf(classpath);
        images = List.copyOf(images);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * A builder of the link {@code name} for {@code jdk}, writing into {@code outputDirectory}. Unless set: no class
     * path, images or JVM options; not strict; the cache in {@code ~/.cache/pkgimage/archives} with its default bounds;
     * 5 minutes for the dump and the proof each; this pkgimage's version; no shared classes; a warning when the
     * archive cannot map.
     */
    public static Builder builder(String name, Jdk jdk, Path outputDirectory) {
        return new Builder(name, jdk, outputDirectory);
    }

    /** This request as a builder, to change some of it. */
    public Builder toBuilder() {
        return new Builder(name, jdk, outputDirectory)
                .classpath(classpath)
                .images(images)
                .jvmOptions(jvmOptions)
                .strict(strict)
                .cache(cache)
                .timeout(timeout)
                .toolVersion(toolVersion)
                .shared(shared)
                .onMapFailure(onMapFailure);
    }

    /** The builder of a {@link LinkRequest}. */
    public static final class Builder {
        private final String name;
        private final Jdk jdk;
        private final Path outputDirectory;
        private List<ClasspathEntry> classpath = List.of();
        private List<Path> images = List.of();
        private List<String> jvmOptions = List.of();
        private boolean strict;
        private LinkCache cache =
                LinkCache.at(Path.of(System.getProperty("user.home"), ".cache", "pkgimage", "archives"));
        private Duration timeout = Duration.ofMinutes(5);
        private String toolVersion = PkgImageVersion.forKeys();
        private RecordedClassList shared = RecordedClassList.parse(List.of());
        private MapFailure onMapFailure = MapFailure.WARN;

        private Builder(String name, Jdk jdk, Path outputDirectory) {
            this.name = name;
            this.jdk = jdk;
            this.outputDirectory = outputDirectory;
        }

        public Builder classpath(List<ClasspathEntry> classpath) {
            this.classpath = classpath;
            return this;
        }

        public Builder images(List<Path> images) {
            this.images = images;
            return this;
        }

        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public Builder cache(LinkCache cache) {
            this.cache = cache;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder toolVersion(String toolVersion) {
            this.toolVersion = toolVersion;
            return this;
        }

        public Builder shared(RecordedClassList shared) {
            this.shared = shared;
            return this;
        }

        public Builder onMapFailure(MapFailure onMapFailure) {
            this.onMapFailure = onMapFailure;
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalArgumentException if the name is not a plain file name
         */
        public LinkRequest build() {
            return new LinkRequest(
                    name,
                    jdk,
                    classpath,
                    images,
                    jvmOptions,
                    strict,
                    outputDirectory,
                    cache,
                    timeout,
                    toolVersion,
                    shared,
                    onMapFailure);
        }
    }
}
