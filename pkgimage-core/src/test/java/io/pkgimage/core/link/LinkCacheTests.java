package io.pkgimage.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkCacheTests {
    private static final Path DIR = Path.of("cache");

    @ParameterizedTest
    @CsvSource({"2g, 2147483648", "500m, 524288000", "500M, 524288000", "10k, 10240", "1024, 1024", "3gb, 3221225472"})
    void aSizeIsBytesOrANumberWithAUnit(String size, long bytes) {
        assertThat(LinkCache.of(DIR, size, "30d").maxBytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"30d, P30D", "12h, PT12H", "P7D, P7D", "PT90M, PT1H30M"})
    void anAgeIsDaysHoursOrAnIsoDuration(String age, String iso) {
        assertThat(LinkCache.of(DIR, "2g", age).maxAge()).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "2t", "-1", "", "1.5g", "99999999999999999g"})
    void aSizeThatIsNotOneIsRefusedNamingIt(String size) {
        assertThatThrownBy(() -> LinkCache.of(DIR, size, "30d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The cache's maximum size '" + size + "' is not a size: write bytes or a number with k,"
                        + " m or g, such as 2g or 500m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "30", "d", "P"})
    void anAgeThatIsNotOneIsRefusedNamingIt(String age) {
        assertThatThrownBy(() -> LinkCache.of(DIR, "2g", age))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The cache's maximum age '" + age + "' is not a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0d", "PT0S", "-P1D"})
    void aBoundOfNothingIsRefused(String bound) {
        String size = bound.matches("\\d+") ? bound : "2g";
        String age = bound.matches("\\d+") ? "30d" : bound;
        assertThatThrownBy(() -> LinkCache.of(DIR, size, age))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
