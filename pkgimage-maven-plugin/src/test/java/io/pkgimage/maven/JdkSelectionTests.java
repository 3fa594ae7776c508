package io.pkgimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.jdk.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target JDK from the build's toolchain, and a toolchain that cannot give one. */
class JdkSelectionTests {
    @TempDir
    Path dir;

    /** A build context whose JDK toolchain finds {@code java} at {@code java} (null: no java launcher). */
    private static ToolchainManager toolchain(String java) {
        Toolchain jdk = new Toolchain() {
            @Override
            public String getType() {
                return "jdk";
            }

            @Override
            public String findTool(String toolName) {
                return "java".equals(toolName) ? java : null;
            }

            @Override
            public String toString() {
                return "JDK[/opt/broken]";
            }
        };
        return new ToolchainManager() {
            @Override
            public Toolchain getToolchainFromBuildContext(String type, MavenSession context) {
                return "jdk".equals(type) ? jdk : null;
            }

            @Override
            public List<Toolchain> getToolchains(MavenSession session, String type, Map<String, String> requirements) {
                return List.of(jdk);
            }
        };
    }

    @Test
    void theToolchainsJdkIsTheTarget() throws Exception {
        String java = Jdks.current().javaExecutable().toString();

        assertThat(JdkSelection.choose(null, toolchain(java), null, new SystemStreamLog())
                        .home())
                .isEqualTo(Jdks.current().home());
    }

    @Test
    void aToolchainWithoutJavaIsAnErrorThatSaysWhereToFixIt() {
        assertThatThrownBy(() -> JdkSelection.choose(null, toolchain(null), null, new SystemStreamLog()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The JDK toolchain JDK[/opt/broken] has no java launcher; fix ~/.m2/toolchains.xml or set"
                        + " <jdk> (property pkgimage.jdk) to a JDK home");
    }

    @Test
    void aToolchainWhoseJavaIsNotInAJdkHomeIsAnErrorNamingTheFolder() throws Exception {
        // a toolchains.xml pointing at a bare java launcher, outside any JDK home
        Path java = Files.createDirectories(dir.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);

        assertThatThrownBy(() -> JdkSelection.choose(null, toolchain(java.toString()), null, new SystemStreamLog()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith(
                        "The target JDK is not usable: '" + dir + "' is not a JDK home: no 'release'" + " file")
                .hasMessageEndingWith(
                        "Set <jdk> (property pkgimage.jdk) to a JDK home or a feature release such as" + " 25.");
    }

    @Test
    void theJdkParameterWinsOverTheToolchain() throws Exception {
        assertThat(JdkSelection.choose(Jdks.current().home().toString(), toolchain(null), null, new SystemStreamLog())
                        .home())
                .isEqualTo(Jdks.current().home());
    }
}
