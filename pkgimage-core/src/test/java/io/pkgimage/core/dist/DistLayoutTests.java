package io.pkgimage.core.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.PkgImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistLayoutTests {
    private static final DistLayout LAYOUT = new DistLayout(
            "orders",
            "com.acme.Main",
            List.of("lib/orders-1.0.jar", "lib/jackson-core-2.20.1.jar"),
            List.of("images/orders-1.0-pkgimage.jar"),
            FileTime.fromMillis(1000),
            "0.3.0");

    @TempDir
    Path root;

    @Test
    void whatIsWrittenIsReadBackAndTheSameLayoutIsTheSameBytes() throws IOException {
        LAYOUT.write(root);
        byte[] first = Files.readAllBytes(root.resolve(DistLayout.PROPERTIES));
        assertThat(DistLayout.read(root)).isEqualTo(LAYOUT);
        LAYOUT.write(root);
        assertThat(Files.readAllBytes(root.resolve(DistLayout.PROPERTIES))).isEqualTo(first);
        assertThat(LAYOUT.timedFiles())
                .containsExactly("lib/orders-1.0.jar", "lib/jackson-core-2.20.1.jar", "images/orders-1.0-pkgimage.jar");
    }

    @Test
    void aFolderThatIsNoDistSaysSoAndHowToMakeOne() {
        assertThatThrownBy(() -> DistLayout.read(root))
                .isInstanceOf(PkgImageException.class)
                .hasMessageStartingWith("Cannot read '" + root.resolve(DistLayout.PROPERTIES) + "'")
                .hasMessageContaining("Is '" + root + "' a folder that pkgimage:dist wrote? Make it again with mvn"
                        + " package pkgimage:dist");
    }

    @Test
    void aRecordOfAnotherFormatOrWithoutAMainClassIsRefused() throws IOException {
        Files.createDirectories(root.resolve("pkgimage"));
        Files.writeString(root.resolve(DistLayout.PROPERTIES), "format=9\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DistLayout.read(root))
                .hasMessageContaining("is of format 9, not 1: another pkgimage wrote it");
        Files.writeString(
                root.resolve(DistLayout.PROPERTIES),
                "format=1\nname=x\nfileTime=1\ntoolVersion=1\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DistLayout.read(root)).hasMessageContaining("has no mainClass");
    }
}
