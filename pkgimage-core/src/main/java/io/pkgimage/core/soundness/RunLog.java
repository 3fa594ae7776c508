package io.pkgimage.core.soundness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a soundness child JVM ran, as it ran: one line per event, flushed at once, so that a child that crashes or is
 * stopped still tells which tests finished and which one was running. Written by the child ({@link Writer}), read by
 * the parent ({@link #read}).
 *
 * <p>A log can be read while its child writes it: a line counts once it ends. Each line is tab-separated fields with {@code \}, tab, CR and LF escaped: {@code S} (started) and {@code K}
 * (skipped) with the node's id, parent, kind, names and source; {@code F} (finished) with the record; {@code T} (the
 * child's own timeout of a class); {@code G} (goodbye, the child finished).
 *
 * @param nodes every node that started or was skipped, in that order, with its record if it finished
 * @param complete whether the child said goodbye
 * @param timedOut the unique id of the class that the child stopped itself in for passing its timeout, if any
 */
public record RunLog(Map<String, Node> nodes, boolean complete, Optional<String> timedOut) {
    public RunLog {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    /**
     * One test or container as the child saw it.
     *
     * @param uniqueId its unique id
     * @param parentId its parent's unique id, empty for an engine
     * @param kind {@code TEST}, {@code CONTAINER} or {@code CONTAINER_AND_TEST}
     * @param displayName its display name
     * @param legacyName its legacy reporting name
     * @param source {@code class:<name>}, {@code method:<class>#<method>(<parameter types>)}, or empty
     * @param result how it finished, if it did ({@code SKIPPED} for one that never started)
     */
    public record Node(
            String uniqueId,
            String parentId,
            String kind,
            String displayName,
            String legacyName,
            String source,
            Optional<TestRecord> result) {
        /** Whether the node is a test. */
        public boolean test() {
            return kind.endsWith("TEST");
        }

        Node finished(TestRecord record) {
            return new Node(uniqueId, parentId, kind, displayName, legacyName, source, Optional.of(record));
        }
    }

    /** The record of the node with {@code uniqueId}, if it finished. */
    public Optional<TestRecord> result(String uniqueId) {
        return Optional.ofNullable(nodes.get(uniqueId)).flatMap(Node::result);
    }

    /** The nodes that started and did not finish, innermost last: what was running when the child ended. */
    public List<Node> running() {
        return nodes.values().stream().filter(n -> n.result().isEmpty()).collect(Collectors.toList());
    }

    /** Reads what a child wrote; a missing file reads as nothing run and not complete. */
    public static RunLog read(Path file) {
        return new Tail(file).read();
    }

    /** The nodes by their parent's unique id, each list in the order the nodes started. */
    public Map<String, List<Node>> children() {
        Map<String, List<Node>> children = new LinkedHashMap<>();
        nodes.values().forEach(n -> children.computeIfAbsent(n.parentId(), k -> new ArrayList<>())
                .add(n));
        return children;
    }

    /**
     * A log followed while its child writes it: each {@link #read} parses only what was added since the last, and
     * counts a line once its end of line is written.
     */
    public static final class Tail {
        private final Path file;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private long offset;
        private boolean complete;
        private Optional<String> timedOut = Optional.empty();

        public Tail(Path file) {
            this.file = file;
        }

        /** The log as written so far. */
        public synchronized RunLog read() {
            if (Files.isRegularFile(file)) {
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                    long size = channel.size();
                    if (size > offset) {
                        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) (size - offset));
                        while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) > 0) {
                            // until all that was there is read
                        }
                        bytes.flip();
                        offset += bytes.limit();
                        partial.append(StandardCharsets.UTF_8.decode(bytes));
                        int start = 0;
                        for (int end; (end = partial.indexOf("\n", start)) >= 0; start = end + 1) {
                            apply(partial.substring(start, end));
                        }
                        partial.delete(0, start);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the child's log '" + file + "': " + e.getMessage(), e);
                }
            }
            return new RunLog(nodes, complete, timedOut);
        }

        private void apply(String line) {
            List<String> f = split(line);
            switch (f.get(0)) {
                case "S" -> {
                    if (f.size() >= 7) {
                        nodes.put(
                                f.get(1),
                                new Node(f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), Optional.empty()));
                    }
                }
                case "K" -> {
                    if (f.size() >= 8) {
                        nodes.put(
                                f.get(1),
                                new Node(
                                        f.get(1),
                                        f.get(2),
                                        f.get(3),
                                        f.get(4),
                                        f.get(5),
                                        f.get(6),
                                        Optional.of(new TestRecord("SKIPPED", "", f.get(7), new TreeMap<>(), 0))));
                    }
                }
                case "F" -> {
                    Node node = nodes.get(f.size() > 1 ? f.get(1) : "");
                    if (node != null && f.size() >= 8) {
                        SortedMap<String, String> observations = new TreeMap<>();
                        for (int i = 8; i + 1 < f.size(); i += 2) {
                            observations.put(f.get(i), f.get(i + 1));
                        }
                        nodes.put(
                                node.uniqueId(),
                                node.finished(new TestRecord(
                                        f.get(2),
                                        f.get(3),
                                        f.get(4),
                                        observations,
                                        parseLong(f.get(7)),
                                        Boolean.parseBoolean(f.get(5)),
                                        f.get(6))));
                    }
                }
                case "T" -> timedOut = Optional.of(f.size() > 1 ? f.get(1) : "");
                case "G" -> complete = true;
                default -> {
                    // an unknown line: nothing to take from it
                }
            }
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(b.toString());
                b.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        fields.add(b.toString());
        return fields;
    }

    /** The child's side: appends events, each flushed at once; safe to call from several threads. */
    public static final class Writer implements AutoCloseable {
        private final BufferedWriter out;

        private Writer(BufferedWriter out) {
            this.out = out;
        }

        /** A new, empty log at {@code file}. */
        public static Writer create(Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                return new Writer(Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the child's log '" + file + "': " + e.getMessage(), e);
            }
        }

        /** A node started. */
        public void started(String id, String parent, String kind, String displayName, String legacy, String source) {
            line("S", id, parent, kind, displayName, legacy, source);
        }

        /** A node was skipped, and never started. */
        public void skipped(
                String id, String parent, String kind, String displayName, String legacy, String source, String why) {
            line("K", id, parent, kind, displayName, legacy, source, why);
        }

        /** A started node finished with {@code record}. */
        public void finished(String id, TestRecord record) {
            List<String> f = new ArrayList<>(List.of(
                    "F",
                    id,
                    record.status(),
                    record.exceptionType(),
                    record.message(),
                    Boolean.toString(record.assertion()),
                    record.trace(),
                    Long.toString(record.micros())));
            record.observations().forEach((k, v) -> {
                f.add(k);
                f.add(v);
            });
            line(f.toArray(String[]::new));
        }

        /** The child stops itself: the class with {@code id} passed its timeout. */
        public void timedOut(String id) {
            line("T", id);
        }

        /** The child finished. */
        public void goodbye() {
            line("G");
        }

        private synchronized void line(String... fields) {
            try {
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        out.write('\t');
                    }
                    out.write(escape(fields[i] == null ? "null" : fields[i]));
                }
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the child's log: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the child's log: " + e.getMessage(), e);
            }
        }
    }
}
