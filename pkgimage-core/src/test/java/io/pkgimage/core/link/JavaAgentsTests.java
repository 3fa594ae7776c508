package io.pkgimage.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaAgentsTests {
    @Test
    void anAgentInTheOptionsOrInTheJvmsVariablesIsSeen() {
        assertThat(JavaAgents.present(List.of("-Xmx1g", "-javaagent:/opt/apm.jar=x"), Map.of()))
                .isTrue();
        assertThat(JavaAgents.present(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Xss1m  -javaagent:/a.jar")))
                .isTrue();
        assertThat(JavaAgents.present(List.of(), Map.of("JDK_JAVA_OPTIONS", "-javaagent:/a.jar")))
                .isTrue();
        assertThat(JavaAgents.present(List.of("-agentlib:jdwp=transport=dt_socket"), Map.of("PATH", "/bin")))
                .isFalse();
    }

    @Test
    void theDumpRunsWithoutTheAgentsButWithTheirModule() {
        assertThat(JavaAgents.dumpOptions(List.of("-XX:+UseSerialGC", "-javaagent:/a.jar"), Map.of()))
                .containsExactly("-XX:+UseSerialGC", JavaAgents.INSTRUMENT_MODULE);
        assertThat(JavaAgents.dumpOptions(List.of("-XX:+UseSerialGC"), Map.of("JAVA_TOOL_OPTIONS", "-javaagent:/a")))
                .containsExactly("-XX:+UseSerialGC", JavaAgents.INSTRUMENT_MODULE);
        assertThat(JavaAgents.dumpOptions(List.of(JavaAgents.INSTRUMENT_MODULE, "-javaagent:/a.jar"), Map.of()))
                .containsExactly(JavaAgents.INSTRUMENT_MODULE);
        assertThat(JavaAgents.dumpOptions(List.of("-Xmx1g"), Map.of())).containsExactly("-Xmx1g");
    }

    @Test
    void theDumpsVariablesLoseTheirAgentsAndAreRemovedWhenNothingElseIsLeft() {
        assertThat(JavaAgents.dumpEnvironment(Map.of(
                        "JAVA_TOOL_OPTIONS", "-Xss2m -javaagent:/a.jar", "JDK_JAVA_OPTIONS", "-javaagent:/b.jar")))
                .containsOnly(Map.entry("JAVA_TOOL_OPTIONS", "-Xss2m"), Map.entry("JDK_JAVA_OPTIONS", ""));
        assertThat(JavaAgents.dumpEnvironment(Map.of("JAVA_TOOL_OPTIONS", "-Xss2m", "HOME", "/root")))
                .isEmpty();
    }
}
