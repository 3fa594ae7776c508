package io.pkgimage.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.classpath.ClasspathEntry;
import io.pkgimage.core.image.Coordinates;
import io.pkgimage.core.jdk.Jdk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkRequestTests {
    private static final Jdk JDK = new Jdk(Path.of("/jdk"), "Test", "17.0.1", "17.0.1+1", 17);

    @ParameterizedTest
    @ValueSource(strings = {"app", "my-app_1.0", "A.B-c_d", "x"})
    void aFileNameIsAValidName(String name) {
        assertThat(request(name, List.of(), List.of(), List.of()).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../app", "/abs", "a\\b", "", "a b", "app\n", "app:1", "caf\u00e9", "a*"})
    void aNameThatIsNotAPlainFileNameIsRejected(String name) {
        assertThatThrownBy(() -> request(name, List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The link name '" + name + "' must be a file name (letters, digits, '.', '_', '-')");
    }

    @Test
    void theListsAreCopiedSoTheCallerCannotChangeTheRequestLater() {
        // GIVEN mutable lists handed to a request
        List<ClasspathEntry> classpath = new ArrayList<>(
                List.of(ClasspathEntry.self(Path.of("classes"), Coordinates.of("com.acme", "app", "1"))));
        List<Path> images = new ArrayList<>(List.of(Path.of("app-pkgimage.jar")));
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        LinkRequest request = request("app", classpath, images, options);

        // WHEN the caller changes them afterwards
        classpath.clear();
        images.add(Path.of("other.jar"));
        options.add("-Xmx1g");

        // THEN the request still holds what it was given, and cannot be changed through its accessors
        assertThat(request.classpath()).hasSize(1);
        assertThat(request.images()).containsExactly(Path.of("app-pkgimage.jar"));
        assertThat(request.jvmOptions()).containsExactly("-XX:+UseSerialGC");
        assertThatThrownBy(() -> request.jvmOptions().add("-Xmx2g")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullInTheListsIsRejected() {
        List<String> options = new ArrayList<>();
        options.add(null);

        assertThatThrownBy(() -> request("app", List.of(), List.of(), options))
                .isInstanceOf(NullPointerException.class);
    }

    private static LinkRequest request(
            String name, List<ClasspathEntry> classpath, List<Path> images, List<String> jvmOptions) {
        return LinkRequest.builder(name, JDK, Path.of("out"))
                .classpath(classpath)
                .images(images)
                .jvmOptions(jvmOptions)
                .cache(LinkCache.at(Path.of("cache")))
                .toolVersion("test")
                .build();
    }
}
