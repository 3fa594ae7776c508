package io.pkgimage.core.compile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.PkgImageException;
import io.pkgimage.core.image.HotMethod;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilationLogTests {
    /** Attributes of a real JDK 17 {@code <nmethod>} element, around the level and the method. */
    private static final String BEFORE = "<nmethod compile_id='6' compiler='c1' ";

    private static final String AFTER = " entry='0x00007f1a65400ea0' size='728' address='0x00007f1a65400d10'"
            + " relocation_offset='352' insts_offset='400' stub_offset='592' scopes_data_offset='656'";

    @TempDir
    Path dir;

    @Test
    void readsTheHighestLevelOfEachMethodOfTheGivenClasses() throws IOException {
        // GIVEN a log in HotSpot's shape: tasks, nmethods at several levels, OSR, <init>, foreign classes
        Path log = log(
                "<?xml version='1.0' encoding='UTF-8'?>",
                "<hotspot_log version='160 1' process='4242' time_ms='1700000000000'>",
                "<task_queued compile_id='6' method='com/acme/A f (I)I' bytes='7' count='256' iicount='256' level='3'/>",
                nmethod(3, "com/acme/A f (I)I"),
                nmethod(3, "com.acme.A &lt;init&gt; ()V"),
                nmethod(4, "com/acme/A f (I)I"),
                nmethod(2, "com/acme/A f (I)I"),
                "<nmethod compile_id='13' compile_kind='osr' compiler='c2' level='4'" + AFTER
                        + " method='com/acme/B loop ([Ljava/lang/String;)V' bytes='53' count='1' backedge_count='66829'/>",
                nmethod(1, "com/acme/B get ()Ljava/util/List;"),
                nmethod(4, "org/other/C g ()V"),
                nmethod(4, "java/lang/String hashCode ()I"),
                "<make_not_entrant thread='4243' compile_id='6' compiler='c1' level='3' stamp='0.151'/>",
                "<task compile_id='7' method='com/acme/A h ()V' bytes='5' count='821' level='3' stamp='0.150'>",
                "</hotspot_log>");

        // WHEN the package's classes are asked for
        List<HotMethod> hot = CompilationLog.hotMethods(log, Set.of("com/acme/A", "com/acme/B"));

        // THEN each of their compiled methods appears once, at its highest level, with dotted class names
        assertThat(hot)
                .containsExactly(
                        new HotMethod("com.acme.A", "<init>", "()V", 3),
                        new HotMethod("com.acme.A", "f", "(I)I", 4),
                        new HotMethod("com.acme.B", "get", "()Ljava/util/List;", 1),
                        new HotMethod("com.acme.B", "loop", "([Ljava/lang/String;)V", 4));
    }

    @Test
    void xmlEscapesInMethodsAreUndone() throws IOException {
        Path log = log(
                nmethod(3, "com/acme/A &lt;clinit&gt; ()V"),
                nmethod(2, "com/acme/A &lt;init&gt; (Ljava/lang/String;)V"));

        assertThat(CompilationLog.hotMethods(log, Set.of("com/acme/A")))
                .containsExactly(
                        new HotMethod("com.acme.A", "<clinit>", "()V", 3),
                        new HotMethod("com.acme.A", "<init>", "(Ljava/lang/String;)V", 2));
    }

    @Test
    void nativeWrappersOfThePackagesClassesAreNotHotMethods() throws IOException {
        // GIVEN a JNI method of a dependency (as in sqlite-jdbc or netty-epoll) that HotSpot wrapped: a real JDK 17
        // log writes such wrappers with compile_kind='c2n' and level='0' (seen for java.lang.Object hashCode)
        Path log = log(
                "<nmethod compile_id='5' compile_kind='c2n' compiler='' level='0' entry='0x00007f1a6cec7620'"
                        + " size='896' address='0x00007f1a6cec7490' relocation_offset='352' consts_offset='896'"
                        + " insts_offset='400' method='org.sqlite.core.NativeDB step (J)I' bytes='0' count='128'"
                        + " iicount='128' stamp='0.149'/>",
                nmethod(3, "org/sqlite/core/NativeDB open (Ljava/lang/String;I)V"));

        // WHEN the dependency's methods are read, THEN the wrapper is left out instead of failing the compile
        assertThat(CompilationLog.hotMethods(log, Set.of("org/sqlite/core/NativeDB")))
                .containsExactly(new HotMethod("org.sqlite.core.NativeDB", "open", "(Ljava/lang/String;I)V", 3));
    }

    @Test
    void nonAsciiNamesAreReadAsHotSpotWritesThem() throws IOException {
        // GIVEN a class and a method with non-ASCII names, written as JDK 17 and JDK 25 logs write them: the class
        // name in UTF-8, the method name as a \\uXXXX escape (a real log: method='Café \\u00f1ame (I)I')
        Path log = log(nmethod(4, "com/acme/Café \\u00f1ame (I)I"));

        // WHEN the class is asked for by its internal name
        List<HotMethod> hot = CompilationLog.hotMethods(log, Set.of("com/acme/Café"));

        // THEN the method is found under its real names
        assertThat(hot).containsExactly(new HotMethod("com.acme.Café", "ñame", "(I)I", 4));
    }

    @Test
    void oddLinesAreSkipped() throws IOException {
        Path log = log(
                "<nmethod compile_id='9' compiler='c1' level='3' method='com/acme/A' bytes='1'/>",
                "<nmethod compile_id='9' compiler='c1' level='3'/>",
                "<nmethod compile_id='9' compiler='c1' level='3' method='com/acme/A g ()V extra' bytes='1'/>",
                nmethod(3, "com/acme/A h ()V"));

        assertThat(CompilationLog.hotMethods(log, Set.of("com/acme/A")))
                .containsExactly(new HotMethod("com.acme.A", "h", "()V", 3));
    }

    @Test
    void aMissingLogIsReportedWithItsPath() {
        Path missing = dir.resolve("compilation.log");

        assertThatThrownBy(() -> CompilationLog.hotMethods(missing, Set.of("com/acme/A")))
                .isInstanceOf(PkgImageException.class)
                .hasMessageStartingWith("Cannot read the compilation log '" + missing + "': ")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void readsARealJdk17Log() throws IOException, InterruptedException, URISyntaxException {
        // GIVEN a -XX:+LogCompilation log of a small program with a hot static method, from the running JDK
        Path log = dir.resolve("compilation.log");
        Path output = dir.resolve("hot.out");
        Path classes = Path.of(
                Hot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // compile in the foreground, so that the method is compiled before the program ends
                        "-Xbatch",
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:+LogCompilation",
                        "-XX:LogFile=" + log,
                        "-cp",
                        classes.toString(),
                        Hot.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The program did not finish; output: " + Files.readString(output));
        }
        assertThat(process.exitValue())
                .as("exit code; output: %s", Files.readString(output))
                .isZero();
        String internal = Hot.class.getName().replace('.', '/');

        // WHEN the program's class is asked for
        List<HotMethod> hot = CompilationLog.hotMethods(log, Set.of(internal));

        // THEN its hot method is there, and nothing of other classes
        assertThat(hot).anySatisfy(m -> {
            assertThat(m.className()).isEqualTo(Hot.class.getName());
            assertThat(m.method()).isEqualTo("mix");
            assertThat(m.descriptor()).isEqualTo("(I)I");
        });
        assertThat(hot).allSatisfy(m -> assertThat(m.className()).isEqualTo(Hot.class.getName()));
        assertThat(Files.readString(log, UTF_8)).contains(" method='" + Hot.class.getName() + " mix (I)I'");
    }

    private static String nmethod(int level, String method) {
        return BEFORE + "level='" + level + "'" + AFTER + " method='" + method + "' bytes='7' count='821' iicount='821'"
                + " stamp='0.150'/>";
    }

    private Path log(String... lines) throws IOException {
        return Files.write(dir.resolve("compilation.log"), List.of(lines), UTF_8);
    }

    /** A program whose {@code mix} the JIT compiles. */
    static final class Hot {
        static int mix(int x) {
            return x * 31 + (x >>> 3);
        }

        public static void main(String[] args) {
            int sum = 0;
            for (int i = 0; i < 200_000; i++) {
                sum += mix(i);
            }
            System.out.println(sum);
        }
    }
}
