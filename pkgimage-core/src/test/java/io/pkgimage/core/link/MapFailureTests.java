package io.pkgimage.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MapFailureTests {
    private static final Jdk JDK17 = new Jdk(Path.of("/jdk17"), "Test", "17.0.1", "17.0.1+1", 17);
    private static final Jdk JDK25 = new Jdk(Path.of("/jdk25"), "Test", "25.0.1", "25.0.1+1", 25);

    @ParameterizedTest
    @ValueSource(strings = {"warn", "WARN", " Fail ", "accept"})
    void aPolicyIsNamedInAnyCase(String name) {
        assertThat(MapFailure.of(name).name()).isEqualToIgnoringCase(name.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "loud", "on", "ignore"})
    void anUnknownPolicyIsRefusedNamingTheThree(String name) {
        assertThatThrownBy(() -> MapFailure.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + name + "' is not a policy for an archive that cannot map: use warn, fail or accept");
    }

    @Test
    void theMappingOptionsOfEachPolicyOnJdk17And25() {
        Path archive = Path.of("/out/app.jsa");
        assertThat(MapFailure.FAIL.mapping(JDK17, archive))
                .containsExactly("-Xshare:on", "-XX:SharedArchiveFile=/out/app.jsa");
        assertThat(MapFailure.WARN.mapping(JDK25, archive))
                .containsExactly("-Xlog:cds=off", "-Xlog:cds=warning:stderr", "-XX:SharedArchiveFile=/out/app.jsa");
        assertThat(MapFailure.WARN.mapping(JDK17, archive)).containsExactly("-XX:SharedArchiveFile=/out/app.jsa");
        assertThat(MapFailure.ACCEPT.mapping(JDK25, archive))
                .containsExactly("-Xlog:cds=off", "-XX:SharedArchiveFile=/out/app.jsa");
    }
}
