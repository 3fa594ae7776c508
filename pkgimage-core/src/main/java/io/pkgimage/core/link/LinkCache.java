package io.pkgimage.core.link;

import io.pkgimage.core.Progress;
import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.io.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The content-addressed cache of linked archives that builds share ({@code ~/.cache/pkgimage/archives}): one folder
 * per key holding the archive, its classlist, its report and the archive's checksum taken when it was made.
 *
 * <p>An entry is served only when its archive still has the size and SHA-256 it was made with; one that does not is
 * made again. Each key has a lock file, so builds in other JVMs that link the same key wait for one another, and the
 * cache is trimmed after each link: entries unused for longer than {@link #maxAge}, then the least recently used
 * while the whole is larger than {@link #maxBytes}. An entry in use by another link is never removed. Published
 * archives are hard links where the file system allows, so removing an entry never breaks a link already made.
 */
public final class LinkCache {
    /** The default bound on the cache's total size: 2 GiB. */
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    /** The default bound on how long an unused entry stays: 30 days. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    static final String ARCHIVE = "archive.jsa";
    static final String CLASSLIST = "classlist.txt";
    static final String REPORT = "report.txt";
    private static final String CHECKSUM = "archive.sha256";
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    /** Scratch folders older than this are left over from a build that died; no dump runs this long. */
    private static final Duration ABANDONED = Duration.ofDays(1);

    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final long maxBytes;
    private final Duration maxAge;

    /**
     * @param directory the cache's folder, made when first used
     * @param maxBytes the bound on the total size of the entries, in bytes
     * @param maxAge how long an entry stays after its last use
     */
    public LinkCache(Path directory, long maxBytes, Duration maxAge) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("The cache's maximum size must be positive, not " + maxBytes);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("The cache's maximum age must be positive, not " + maxAge);
        }
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
    }

    /** The cache at {@code directory} with the default bounds. */
    public static LinkCache at(Path directory) {
        return new LinkCache(directory, DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE);
    }

    /**
     * The cache at {@code directory} bounded by {@code maxSize} (bytes, or with a unit {@code k}, {@code m} or
     * {@code g}: {@code 2g}) and {@code maxAge} (days {@code 30d}, hours {@code 12h}, or ISO-8601 {@code P30D}).
     *
     * @throws IllegalArgumentException naming the value that cannot be read
     */
    public static LinkCache of(Path directory, String maxSize, String maxAge) {
        return new LinkCache(directory, bytes(maxSize), age(maxAge));
    }

    private static long bytes(String size) {
        java.util.regex.Matcher m =
                Pattern.compile("(\\d+)\\s*([kKmMgG]?)[bB]?").matcher(size.strip());
        if (!m.matches() || m.group(1).length() > 15) {
            throw new IllegalArgumentException("The cache's maximum size '" + size + "' is not a size: write bytes"
                    + " or a number with k, m or g, such as 2g or 500m");
        }
        int shift =
                switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    default -> 0;
                };
        return Long.parseLong(m.group(1)) << shift;
    }

    private static Duration age(String age) {
        String a = age.strip();
        try {
            if (a.matches("\\d+[dD]")) {
                return Duration.ofDays(Long.parseLong(a.substring(0, a.length() - 1)));
            }
            if (a.matches("\\d+[hH]")) {
                return Duration.ofHours(Long.parseLong(a.substring(0, a.length() - 1)));
            }
            return Duration.parse(a);
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("The cache's maximum age '" + age + "' is not a duration: write days"
                    + " or hours, such as 30d or 12h, or an ISO-8601 duration such as P30D");
        }
    }

    public Path directory() {
        return directory;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** Makes an entry's files in a scratch folder: {@code archive.jsa}, {@code classlist.txt}, {@code report.txt}. */
    @FunctionalInterface
    public interface Maker {
        void make(Path scratch) throws IOException;
    }

    /** Uses a verified entry while no other link can remove or replace it. */
    @FunctionalInterface
    public interface User<T> {
        T use(Entry entry) throws IOException;
    }

    /** A verified entry of the cache. */
    public record Entry(Path folder, String checksum, boolean fromCache) {
        public Path archive() {
            return folder.resolve(ARCHIVE);
        }

        public Path classlist() {
            return folder.resolve(CLASSLIST);
        }

        public Path report() {
            return folder.resolve(REPORT);
        }
    }

    /**
     * Runs {@code user} on the entry of {@code key}, holding its lock: the entry as it is when it is whole and its
     * archive matches its checksum, else made again by {@code maker}.
     */
    public <T> T use(String key, Maker maker, Progress progress, User<T> user) {
        ReentrantLock inThisJvm = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        inThisJvm.lock();
        try {
            Files.createDirectories(directory);
            try (FileChannel channel =
                    FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // another build (another JVM) on the same key waits here, then finds the entry
                FileLock lock = channel.lock();
                try {
                    Path folder = directory.resolve(key);
                    Optional<String> checksum = verified(folder);
                    boolean fromCache = checksum.isPresent();
                    if (!fromCache) {
                        if (Files.exists(folder)) {
                            progress.warn("The cached archive " + folder + " is incomplete or does not match its"
                                    + " checksum (changed since it was made), so it is made again");
                            AtomicFiles.deleteTree(folder);
                        }
                        checksum = Optional.of(make(folder, maker));
                    }
                    Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
                    return user.use(new Entry(folder, checksum.get(), fromCache));
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the link cache '" + directory + "': " + e.getMessage(), e);
        } finally {
            inThisJvm.unlock();
        }
    }

    private String make(Path folder, Maker maker) throws IOException {
        Path scratch = Files.createTempDirectory(directory, folder.getFileName() + ".tmp");
        try {
            maker.make(scratch);
            String checksum = checksum(scratch.resolve(ARCHIVE));
            Files.writeString(scratch.resolve(CHECKSUM), checksum + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(scratch, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("the entry " + folder + " appeared while its lock was held", e);
            }
            return checksum;
        } finally {
            AtomicFiles.deleteTree(scratch);
        }
    }

    /** The checksum of an entry that has every file and whose archive matches it, or empty. */
    private static Optional<String> verified(Path folder) {
        if (!Stream.of(ARCHIVE, CLASSLIST, REPORT, CHECKSUM).allMatch(f -> Files.isRegularFile(folder.resolve(f)))) {
            return Optional.empty();
        }
        try {
            String recorded = Files.readString(folder.resolve(CHECKSUM), StandardCharsets.UTF_8)
                    .strip();
            return matches(folder.resolve(ARCHIVE), recorded) ? Optional.of(recorded) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The checksum of an archive: its size and its SHA-256. */
    public static String checksum(Path archive) {
        try {
            return Files.size(archive) + " " + Hashing.sha256(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read '" + archive + "': " + e.getMessage(), e);
        }
    }

    /** Whether {@code archive} exists and has the size and SHA-256 of {@code checksum}; the size is checked first. */
    public static boolean matches(Path archive, String checksum) {
        try {
            return Files.isRegularFile(archive)
                    && checksum.startsWith(Files.size(archive) + " ")
                    && checksum(archive).equals(checksum);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Removes the entries unused for longer than the maximum age, then the least recently used ones while the cache
     * is larger than its maximum size, never {@code keep} nor an entry another link holds; and the scratch folders of
     * builds that died.
     *
     * @return the removed entries' folders
     */
    public List<Path> trim(String keep, Progress progress) {
        List<Path> removed = new ArrayList<>();
        List<Stored> entries = new ArrayList<>();
        Instant now = Instant.now();
        for (Path p : list()) {
            String name = p.getFileName().toString();
            Instant used = lastModified(p);
            if (name.contains(".tmp") && Files.isDirectory(p) && used.isBefore(now.minus(ABANDONED))) {
                AtomicFiles.deleteTree(p);
            } else if (KEY.matcher(name).matches() && Files.isDirectory(p) && !name.equals(keep)) {
                entries.add(new Stored(name, used, size(p)));
            }
        }
        long total =
                entries.stream().mapToLong(Stored::bytes).sum() + (keep == null ? 0 : size(directory.resolve(keep)));
        entries.sort(Comparator.comparing(Stored::used));
        for (Stored e : entries) {
            boolean old = e.used().isBefore(now.minus(maxAge));
            if ((old || total > maxBytes) && remove(e.key())) {
                total -= e.bytes();
                removed.add(directory.resolve(e.key()));
            }
        }
        if (!removed.isEmpty()) {
            progress.info("Trimmed the link cache " + directory + ": removed " + removed.size() + " archive"
                    + (removed.size() == 1 ? "" : "s") + " unused for over " + age(maxAge) + " or beyond "
                    + size(maxBytes) + " in all; " + size(total) + " left");
        }
        return removed;
    }

    /**
     * Removes every entry no link holds now.
     *
     * @return how many entries were removed
     */
    public int clear() {
        int removed = 0;
        for (Path p : list()) {
            String name = p.getFileName().toString();
            if (KEY.matcher(name).matches() && Files.isDirectory(p) && remove(name)) {
                removed++;
            }
        }
        return removed;
    }

    private record Stored(String key, Instant used, long bytes) {}

    /** Removes the entry of {@code key} unless a link (in this JVM or another) holds it. */
    private boolean remove(String key) {
        ReentrantLock inThisJvm = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        if (!inThisJvm.tryLock()) {
            return false;
        }
        try (FileChannel channel =
                FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            try {
                AtomicFiles.deleteTree(directory.resolve(key));
                return !Files.exists(directory.resolve(key));
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            return false;
        } finally {
            inThisJvm.unlock();
        }
    }

    private Path lockFile(String key) {
        return directory.resolve(key + ".lock");
    }

    private List<Path> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the link cache '" + directory + "': " + e.getMessage(), e);
        }
    }

    private static Instant lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static String age(Duration age) {
        return age.toHours() % 24 == 0
                ? age.toDays() + " days"
                : age.toMinutes() % 60 == 0 ? age.toHours() + " hours" : age.toString();
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024
                ? bytes / (1024 * 1024) + " MiB"
                : bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
