package io.pkgimage.core.classlist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pkgimage.core.PkgImageException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedClassListTests {
    static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    static Path jdk25() {
        return io.pkgimage.core.TestJdks.jdk25().home();
    }

    static final String RECORDER = Recorder.class.getName().replace('.', '/');
    static final String PLUGIN = Recorder.PLUGIN.replace('.', '/');

    @TempDir
    Path dir;

    @Test
    void parsesAJdk17StyleListOfNames() {
        RecordedClassList list = RecordedClassList.parse(List.of(
                "# NOTE: Do not modify this file.",
                "#",
                "java/lang/Object",
                "com/acme/A",
                "",
                "  com/acme/B  ",
                "com/acme/A",
                "@lambda-proxy com/acme/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic com/acme/A lambda$x$0 ()V ()V",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L"));

        assertThat(list.classes()).containsExactly("java/lang/Object", "com/acme/A", "com/acme/B");
        assertThat(list.linesOf("com/acme/A"))
                .containsExactly(
                        "@lambda-proxy com/acme/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic com/acme/A lambda$x$0 ()V ()V");
        assertThat(list.linesOf("com/acme/B")).isEmpty();
        assertThat(list.lambdaFormInvokers())
                .containsExactly(
                        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L");
        assertThat(list.skipped()).isZero();
    }

    @Test
    void parsesAJdk25StyleListWithIdsAndTags() {
        // GIVEN every kind of line a JDK 24+ classlist holds
        RecordedClassList list = RecordedClassList.parse(List.of(
                "# NOTE: Do not modify this file.",
                "java/lang/Object id: 0",
                "com/acme/A id: 1",
                "com/acme/Plugin id: 2 super: 0 source: /tmp/plugins/",
                "com/acme/Other id: 3 super: 0 interfaces: 1 source: file:/tmp/other.jar",
                "com/acme/Orphan id: 4 super: 0",
                "@cp com/acme/A 3 7 9",
                "@lambda-proxy com/acme/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic com/acme/A lambda$x$0 ()V ()V",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L",
                "@lambda-form-invoker [SPECIES_RESOLVE] java.lang.invoke.BoundMethodHandle$Species_L",
                "@future-tag com/acme/A something",
                "@cp com/acme/A",
                "com/acme/A 7",
                "com/acme/B id: 5",
                "@cp com/acme/B 1",
                "@cp com/acme/A 11"));

        // THEN classes keep their load order without ids, and each keeps its own lines in order
        assertThat(list.classes()).containsExactly("java/lang/Object", "com/acme/A", "com/acme/B");
        assertThat(list.linesOf("com/acme/A"))
                .containsExactly(
                        "@cp com/acme/A 3 7 9",
                        "@lambda-proxy com/acme/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic com/acme/A lambda$x$0 ()V ()V",
                        "@cp com/acme/A 11");
        assertThat(list.linesOf("com/acme/B")).containsExactly("@cp com/acme/B 1");
        assertThat(list.linesOf("com/acme/Plugin")).isEmpty();
        assertThat(list.lambdaFormInvokers())
                .containsExactly(
                        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L",
                        "@lambda-form-invoker [SPECIES_RESOLVE] java.lang.invoke.BoundMethodHandle$Species_L");
        // AND the three custom-loader lines, the unknown tag, the bare @cp and the odd class line are counted
        assertThat(list.skipped()).isEqualTo(6);
    }

    @Test
    void readsAFile() throws IOException {
        Path file = dir.resolve("classlist");
        Files.writeString(file, "java/lang/Object id: 0\r\ncom/acme/Caf\u00e9 id: 1\r\n", UTF_8);

        RecordedClassList list = RecordedClassList.read(file);

        assertThat(list.classes()).containsExactly("java/lang/Object", "com/acme/Caf\u00e9");
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        Path missing = dir.resolve("missing.classlist");

        assertThatThrownBy(() -> RecordedClassList.read(missing))
                .isInstanceOf(PkgImageException.class)
                .hasMessageStartingWith("Cannot read the recorded classlist '" + missing + "'")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void theRecorderNamesThePluginRight() {
        assertThat(Recorder.PLUGIN).isEqualTo(Plugin.class.getName());
    }

    @Test
    void parsesWhatJdk17Records() throws IOException {
        // GIVEN a classlist that JDK 17 wrote for a small program with lambdas
        Path home = Runtime.version().feature() == 17 ? Path.of(System.getProperty("java.home")) : JDK_17;
        assumeTrue(Files.isExecutable(home.resolve("bin/java")), "no JDK 17 at " + home);
        Path file = record(home, dir);
        List<String> raw = Files.readAllLines(file, UTF_8);

        // WHEN it is parsed
        RecordedClassList list = RecordedClassList.read(file);

        // THEN the classes are the lines that are plain names, in order, and the recorder keeps its lambda proxies
        List<String> names =
                raw.stream().filter(l -> l.matches("[^#@\\s]+")).distinct().toList();
        assertThat(names).contains("java/lang/Object", RECORDER);
        assertThat(list.classes()).containsExactlyElementsOf(names);
        assertThat(list.linesOf(RECORDER)).hasSize(2).allSatisfy(l -> assertThat(l)
                .startsWith("@lambda-proxy " + RECORDER + " "));
        assertThat(list.lambdaFormInvokers())
                .isNotEmpty()
                .containsExactlyElementsOf(raw.stream()
                        .filter(l -> l.startsWith("@lambda-form-invoker "))
                        .toList());
        assertThat(list.skipped()).isZero();
    }

    @Test
    void parsesWhatJdk25Records() throws IOException {
        // GIVEN a classlist that JDK 25 wrote for a small program with lambdas and a class of its own loader
        Path file = record(jdk25(), dir);
        List<String> raw = Files.readAllLines(file, UTF_8);
        assertThat(raw).anyMatch(l -> l.startsWith(PLUGIN + " id: ") && l.contains(" source: "));

        // WHEN it is parsed
        RecordedClassList list = RecordedClassList.read(file);

        // THEN the classes are the "name id: N" lines without their ids, the custom-loader class is skipped
        Pattern withId = Pattern.compile("(\\S+) id: \\d+");
        List<String> names = raw.stream()
                .map(withId::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .distinct()
                .toList();
        assertThat(names).contains("java/lang/Object", RECORDER);
        assertThat(list.classes()).containsExactlyElementsOf(names).doesNotContain(PLUGIN);
        assertThat(list.skipped()).isGreaterThanOrEqualTo(1);
        // AND the recorder keeps its resolved constant-pool entries and lambda proxies, in recorded order
        assertThat(list.linesOf(RECORDER))
                .containsExactlyElementsOf(raw.stream()
                        .filter(l -> l.startsWith("@cp " + RECORDER + " ")
                                || l.startsWith("@lambda-proxy " + RECORDER + " "))
                        .toList())
                .anyMatch(l -> l.startsWith("@cp "))
                .anyMatch(l -> l.startsWith("@lambda-proxy "));
        assertThat(list.lambdaFormInvokers())
                .isNotEmpty()
                .containsExactlyElementsOf(raw.stream()
                        .filter(l -> l.startsWith("@lambda-form-invoker "))
                        .toList());
        assertThat(list.classLines()).allSatisfy((name, lines) -> assertThat(lines)
                .allMatch(l -> l.startsWith("@cp " + name + " ") || l.startsWith("@lambda-proxy " + name + " ")));
    }

    /**
     * Runs {@link Recorder} on {@code javaHome} with {@code -XX:DumpLoadedClassList} and returns the classlist.
     * The JVM's class path is this module's test classes; the recorder loads {@link Plugin} from the same folder
     * through a loader of its own.
     */
    static Path record(Path javaHome, Path dir) throws IOException {
        Path classes = testClasses();
        Path classlist = dir.resolve("recorded-" + javaHome.getFileName() + ".classlist");
        Path output = dir.resolve("recorder-" + javaHome.getFileName() + ".out");
        Process process = new ProcessBuilder(
                        javaHome.resolve("bin/java").toString(),
                        "-Xshare:auto",
                        "-XX:DumpLoadedClassList=" + classlist,
                        "-cp",
                        classes.toString(),
                        Recorder.class.getName(),
                        classes.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("Recorder on " + javaHome + " did not finish");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(process.exitValue())
                .as("exit code; output: %s", Files.readString(output))
                .isZero();
        assertThat(Files.readString(output)).contains("recorded 1 10 plugin");
        return classlist;
    }

    static Path testClasses() {
        try {
            return Path.of(Recorder.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** A small program for a recorded classlist: a lambda, a method reference, and a class of its own loader. */
    static final class Recorder {
        /** A constant, so that the recorder does not load the plugin through its own class loader. */
        static final String PLUGIN = "io.pkgimage.core.classlist.RecordedClassListTests$Plugin";

        public static void main(String[] args) throws Exception {
            Supplier<String> text = () -> "recorded " + args.length;
            Function<String, Integer> length = String::length;
            try (URLClassLoader loader = new URLClassLoader(
                    new URL[] {Path.of(args[0]).toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Runnable plugin = (Runnable) Class.forName(PLUGIN, true, loader)
                        .getDeclaredConstructor()
                        .newInstance();
                plugin.run();
                Map<String, Integer> lengths = Map.of(text.get(), length.apply(text.get()));
                System.out.println(
                        text.get() + " " + lengths.values().iterator().next() + " " + plugin);
            }
        }
    }

    /** Loaded by {@link Recorder} through a {@link URLClassLoader}: a custom-loader class in the classlist. */
    public static final class Plugin implements Runnable {
        @Override
        public void run() {}

        @Override
        public String toString() {
            return "plugin";
        }
    }
}
