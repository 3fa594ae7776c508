package io.pkgimage.core.image;

import io.pkgimage.core.io.AtomicFiles;
import io.pkgimage.core.io.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes and reads package image files; the only class that knows the format ({@code docs/image-format.md}).
 *
 * <p>An image is a zip of UTF-8 text entries. Reading never executes, extracts or trusts anything in the file:
 * sizes are bounded, entry names must be the known ones, and every line is parsed strictly.
 */
public final class ImageCodec {
    /** Largest image file accepted, in bytes. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** Largest uncompressed content of all entries together, in bytes. */
    public static final long MAX_CONTENT_BYTES = 128L << 20;

    static final String FORMAT = "pkgimage/FORMAT";
    static final String PROPERTIES = "pkgimage/image.properties";
    static final String FINGERPRINTS = "pkgimage/classes.sha256";
    private static final List<String> ENTRIES = List.of(FORMAT, PROPERTIES, FINGERPRINTS);
    private static final List<String> ALL_ENTRIES = allEntries();
    private static final String FORMAT_PREFIX = "pkgimage-format=";
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private ImageCodec() {}

    /** The classlist entry of part {@code part}. */
    static String classlistEntry(String part) {
        return "pkgimage/" + part + "/classlist.txt";
    }

    /** The failures entry of part {@code part}. */
    static String failuresEntry(String part) {
        return "pkgimage/" + part + "/failures.txt";
    }

    private static List<String> allEntries() {
        List<String> all = new ArrayList<>(ENTRIES);
        for (String part : ImagePart.NAMES) {
            all.add(classlistEntry(part));
            all.add(failuresEntry(part));
        }
        return List.copyOf(all);
    }

    /** Writes {@code image} to {@code file} atomically; equal images give byte-identical files. */
    public static void write(PackageImage image, Path file) {
        AtomicFiles.write(file, out -> write(image, out));
    }

    /** Writes {@code image} as a zip to {@code out}. */
    public static void write(PackageImage image, OutputStream out) throws IOException {
        Map<String, String> content = new LinkedHashMap<>();
        content.put(FORMAT, FORMAT_PREFIX + PackageImage.FORMAT_VERSION + "\n");
        content.put(PROPERTIES, properties(image));
        StringBuilder fp = new StringBuilder();
        image.fingerprints()
                .forEach((name, sha) -> fp.append(sha).append(' ').append(name).append('\n'));
        content.put(FINGERPRINTS, fp.toString());
        for (ImagePart part : image.parts().values()) {
            content.put(classlistEntry(part.name()), classlist(part));
            StringBuilder failures = new StringBuilder();
            for (String f : part.summary().failures()) {
                failures.append(singleLine(f)).append('\n');
            }
            content.put(failuresEntry(part.name()), failures.toString());
        }

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(9);
        for (Map.Entry<String, String> e : content.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey());
            entry.setTimeLocal(FIXED_TIME);
            zip.putNextEntry(entry);
            zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static String properties(PackageImage image) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("coordinates", image.coordinates().toString());
        p.put("jdk.vendor", image.trainedOn().vendor());
        p.put("jdk.runtimeVersion", image.trainedOn().runtimeVersion());
        p.put("jdk.feature", Integer.toString(image.trainedOn().feature()));
        p.put("jdk.gc", image.trainedOn().gc());
        p.put("jdk.compressedOops", Boolean.toString(image.trainedOn().compressedOops()));
        p.put("parts", String.join(",", image.parts().keySet()));
        for (ImagePart part : image.parts().values()) {
            TrainingSummary t = part.summary();
            String key = part.name() + ".";
            p.put(key + "mode", t.mode());
            p.put(key + "run", Integer.toString(t.run()));
            p.put(key + "failed", Integer.toString(t.failed()));
            p.put(key + "skipped", Integer.toString(t.skipped()));
            p.put(key + "wallMillis", Long.toString(t.wallMillis()));
            p.put(key + "origin", t.origin());
            p.put(key + "jvms", Integer.toString(t.jvms()));
            p.put(key + "inputs.sha256", part.inputsSha256());
        }
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> sb.append(k).append('=').append(singleLine(v)).append('\n'));
        return sb.toString();
    }

    private static String classlist(ImagePart image) {
        StringBuilder sb = new StringBuilder();
        sb.append("[self]\n");
        appendEntries(sb, image.ownClasses());
        image.dependencyClasses().forEach((coords, entries) -> {
            sb.append("[dependency ").append(coords).append("]\n");
            appendEntries(sb, entries);
        });
        sb.append("[jdk]\n");
        appendEntries(sb, image.jdkClasses());
        sb.append("[lambda-form-invokers]\n");
        image.lambdaFormInvokers().forEach(l -> sb.append(singleLine(l)).append('\n'));
        return sb.toString();
    }

    private static void appendEntries(StringBuilder sb, List<ClassEntry> entries) {
        for (ClassEntry e : entries) {
            sb.append("class ").append(e.name());
            e.sha256().ifPresent(s -> sb.append(' ').append(s));
            sb.append('\n');
            e.lines().forEach(l -> sb.append(l).append('\n'));
        }
    }

    private static String singleLine(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return value.replace("\r", " ").replace("\n", " ");
        }
        return value;
    }

    /**
     * Reads the image at {@code file}.
     *
     * @throws ImageFormatException naming the file, what is wrong with it and how to fix it
     */
    public static PackageImage read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImageFormatException("Cannot read package image '" + file + "': " + e, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new ImageFormatException("Package image '" + file + "' is " + size + " bytes, over the limit of "
                    + MAX_FILE_BYTES + "; it is not an image pkgimage wrote. Delete it and run mvn pkgimage:compile");
        }
        Map<String, String> entries = new TreeMap<>();
        String unexpected = null;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            long total = 0;
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                if (!seen.add(name)) {
                    throw bad(file, "entry '" + name + "' appears twice");
                }
                if (!ALL_ENTRIES.contains(name)) {
                    // refused once the format version is known: other versions have other entries (never read)
                    if (unexpected == null) {
                        unexpected = name;
                    }
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = readBounded(in, MAX_CONTENT_BYTES - total, file, name);
                    total += bytes.length;
                    entries.put(name, decode(bytes, file, name));
                }
            }
        } catch (ZipException e) {
            throw bad(file, "not a zip or truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw bad(file, "unreadable (" + e + ")", e);
        }
        checkFormat(file, entries);
        if (unexpected != null) {
            throw bad(
                    file, "unexpected entry '" + printable(unexpected) + "' (an image holds only " + ALL_ENTRIES + ")");
        }
        return parse(file, entries);
    }

    private static byte[] readBounded(InputStream in, long limit, Path file, String name) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) > 0) {
            if (buffer.size() + (long) n > limit) {
                throw bad(
                        file,
                        "entry '" + name + "' expands past the limit of " + MAX_CONTENT_BYTES
                                + " bytes for a whole image (a zip bomb or not an image)");
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }

    private static String decode(byte[] bytes, Path file, String name) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad(file, "entry '" + name + "' is not UTF-8 text", e);
        }
    }

    private static void checkFormat(Path file, Map<String, String> entries) {
        String format = entries.get(FORMAT);
        if (format == null) {
            throw bad(file, "no " + FORMAT + " entry: this zip is not a package image");
        }
        String versionText = format.strip();
        if (!versionText.startsWith(FORMAT_PREFIX)) {
            throw bad(file, FORMAT + " says '" + printable(versionText) + "', expecting '" + FORMAT_PREFIX + "N'");
        }
        int version;
        try {
            version = Integer.parseInt(versionText.substring(FORMAT_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw bad(file, "format version '" + printable(versionText) + "' is not a number", e);
        }
        if (version != PackageImage.FORMAT_VERSION) {
            throw new ImageFormatException(
                    "Package image '" + file + "' has format version " + version
                            + ", but this pkgimage reads version " + PackageImage.FORMAT_VERSION + " only; "
                            + (version > PackageImage.FORMAT_VERSION
                                    ? "a newer pkgimage wrote it: upgrade the pkgimage plugin"
                                    : "an older pkgimage wrote it: recompile the image with this pkgimage (mvn pkgimage:compile)"));
        }
    }

    private static PackageImage parse(Path file, Map<String, String> entries) {
        for (String required : ENTRIES) {
            if (!entries.containsKey(required)) {
                throw bad(file, "entry '" + required + "' is missing");
            }
        }
        Lines props = new Lines(file, PROPERTIES, entries.get(PROPERTIES));
        Map<String, String> p = new TreeMap<>();
        for (String line; (line = props.next()) != null; ) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw props.error("expecting key=value");
            }
            p.put(line.substring(0, eq), line.substring(eq + 1));
        }
        Props pr = new Props(file, p);
        try {
            TrainedOn trainedOn = new TrainedOn(
                    pr.get("jdk.vendor"),
                    pr.get("jdk.runtimeVersion"),
                    pr.getInt("jdk.feature"),
                    pr.get("jdk.gc"),
                    pr.getBoolean("jdk.compressedOops"));
            Map<String, ImagePart> imageParts = new LinkedHashMap<>();
            for (String name : pr.get("parts").split(",", -1)) {
                if (!ImagePart.NAMES.contains(name) || imageParts.containsKey(name)) {
                    throw bad(
                            file,
                            PROPERTIES + " 'parts' names '" + printable(name) + "', not one of " + ImagePart.NAMES
                                    + " once");
                }
                for (String entry : List.of(classlistEntry(name), failuresEntry(name))) {
                    if (!entries.containsKey(entry)) {
                        throw bad(file, "entry '" + entry + "' of part " + name + " is missing");
                    }
                }
                String key = name + ".";
                TrainingSummary summary = new TrainingSummary(
                        pr.get(key + "mode"),
                        pr.getInt(key + "run"),
                        pr.getInt(key + "failed"),
                        pr.getInt(key + "skipped"),
                        pr.getLong(key + "wallMillis"),
                        new Lines(file, failuresEntry(name), entries.get(failuresEntry(name))).all(),
                        origin(file, pr, key),
                        pr.values().containsKey(key + "jvms") ? pr.getInt(key + "jvms") : 1);
                Classlist cl = parseClasslist(new Lines(file, classlistEntry(name), entries.get(classlistEntry(name))));
                imageParts.put(
                        name,
                        new ImagePart(
                                name,
                                summary,
                                pr.get(key + "inputs.sha256"),
                                cl.self,
                                cl.dependencies,
                                cl.jdk,
                                cl.invokers));
            }
            for (String entry : entries.keySet()) {
                if (!ENTRIES.contains(entry) && !imageParts.containsKey(entry.split("/")[1])) {
                    throw bad(file, "entry '" + entry + "' belongs to no part listed in " + PROPERTIES);
                }
            }
            Coordinates coordinates = Coordinates.parse(pr.get("coordinates"));
            SortedMap<String, String> fingerprints = new TreeMap<>();
            Lines fp = new Lines(file, FINGERPRINTS, entries.get(FINGERPRINTS));
            for (String line; (line = fp.next()) != null; ) {
                String[] parts = fp.split(line, 2);
                if (!Hashing.isSha256(parts[0])) {
                    throw fp.error("expecting a SHA-256");
                }
                if (fingerprints.put(parts[1], parts[0]) != null) {
                    throw fp.error("class " + parts[1] + " is listed twice");
                }
            }
            return new PackageImage(coordinates, trainedOn, fingerprints, imageParts);
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage(), e);
        }
    }

    private static final class Classlist {
        final List<ClassEntry> self = new ArrayList<>();
        final SortedMap<Coordinates, List<ClassEntry>> dependencies = new TreeMap<>();
        final List<ClassEntry> jdk = new ArrayList<>();
        final List<String> invokers = new ArrayList<>();
    }

    private static Classlist parseClasslist(Lines lines) {
        Classlist cl = new Classlist();
        List<ClassEntry> section = null;
        boolean inInvokers = false;
        String name = null;
        Optional<String> sha = Optional.empty();
        List<String> extra = new ArrayList<>();
        for (String line; (line = lines.next()) != null; ) {
            boolean header = line.startsWith("[");
            if ((header || line.startsWith("class ")) && name != null) {
                section.add(new ClassEntry(name, sha, extra));
                name = null;
                extra = new ArrayList<>();
            }
            if (header) {
                if (!line.endsWith("]")) {
                    throw lines.error("unterminated section header");
                }
                String title = line.substring(1, line.length() - 1);
                inInvokers = false;
                if (title.equals("self")) {
                    section = cl.self;
                } else if (title.equals("jdk")) {
                    section = cl.jdk;
                } else if (title.equals("lambda-form-invokers")) {
                    section = null;
                    inInvokers = true;
                } else if (title.startsWith("dependency ")) {
                    Coordinates c = Coordinates.parse(title.substring("dependency ".length()));
                    if (cl.dependencies.containsKey(c)) {
                        throw lines.error("dependency " + c + " appears twice");
                    }
                    section = new ArrayList<>();
                    cl.dependencies.put(c, section);
                } else {
                    throw lines.error("unknown section '" + title + "'");
                }
            } else if (inInvokers) {
                if (!line.startsWith("@lambda-form-invoker ")) {
                    throw lines.error("expecting an @lambda-form-invoker line");
                }
                cl.invokers.add(line);
            } else if (section == null) {
                throw lines.error("line outside of a section");
            } else if (line.startsWith("class ")) {
                String[] parts = line.split(" ", -1);
                if (parts.length < 2 || parts.length > 3) {
                    throw lines.error("expecting 'class <name> [sha256]'");
                }
                name = parts[1];
                sha = parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
            } else if (line.startsWith("@") && name != null) {
                extra.add(line);
            } else {
                throw lines.error("expecting a class line or an @ line of the class before it");
            }
        }
        if (name != null) {
            section.add(new ClassEntry(name, sha, extra));
        }
        return cl;
    }

    private static ImageFormatException bad(Path file, String reason) {
        return bad(file, reason, null);
    }

    private static ImageFormatException bad(Path file, String reason, Throwable cause) {
        return new ImageFormatException(
                "Package image '" + file + "' is corrupt or not a package image: " + reason
                        + ". Delete it and rebuild it with mvn pkgimage:compile",
                cause);
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder sb = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** Lines of one entry, with positions for error messages. */
    private static final class Lines {
        private final Path file;
        private final String entry;
        private final String[] lines;
        private int index;

        Lines(Path file, String entry, String text) {
            this.file = file;
            this.entry = entry;
            this.lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
            if (lines.length > 0 && !lines[lines.length - 1].isEmpty()) {
                throw bad(file, "entry '" + entry + "' does not end with a new line (truncated?)");
            }
        }

        String next() {
            while (index < lines.length - 1) {
                String line = lines[index++];
                if (!line.isEmpty()) {
                    return line;
                }
            }
            return null;
        }

        List<String> all() {
            List<String> out = new ArrayList<>();
            for (String l; (l = next()) != null; ) {
                out.add(l);
            }
            return out;
        }

        String[] split(String line, int parts) {
            String[] p = line.split(" ", parts);
            if (p.length != parts) {
                throw error("expecting " + parts + " fields separated by spaces");
            }
            return p;
        }

        ImageFormatException error(String what) {
            return bad(file, entry + " line " + index + ": " + what);
        }
    }

    /** Images written before the origin was recorded were all trained by pkgimage's training JVM. */
    private static String origin(Path file, Props pr, String key) {
        String origin = pr.values().getOrDefault(key + "origin", TrainingSummary.TRAINING);
        if (!TrainingSummary.ORIGINS.contains(origin)) {
            throw bad(
                    file,
                    PROPERTIES + " '" + key + "origin' is not one of " + TrainingSummary.ORIGINS + ": '"
                            + printable(origin) + "'");
        }
        return origin;
    }

    private record Props(Path file, Map<String, String> values) {
        String get(String key) {
            String v = values.get(key);
            if (v == null) {
                throw bad(file, PROPERTIES + " has no '" + key + "'");
            }
            return v;
        }

        boolean getBoolean(String key) {
            String v = get(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw bad(file, PROPERTIES + " '" + key + "' is not true or false: '" + printable(v) + "'");
            }
            return v.equals("true");
        }

        int getInt(String key) {
            long v = getLong(key);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw bad(file, PROPERTIES + " '" + key + "' is out of range: " + v);
            }
            return (int) v;
        }

        long getLong(String key) {
            try {
                return Long.parseLong(get(key));
            } catch (NumberFormatException e) {
                throw bad(file, PROPERTIES + " '" + key + "' is not a number: '" + printable(get(key)) + "'");
            }
        }
    }
}
