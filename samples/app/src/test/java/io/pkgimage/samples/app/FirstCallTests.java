package io.pkgimage.samples.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstCallTests {

    @Test
    void jacksonWorkloadSummarisesTheOrder() {
        assertThat(FirstCall.jacksonWorkload()).isEqualTo("total=35.22 items=3 crc32=96be1802");
    }

    @Test
    void gsonWorkloadSummarisesTheContacts() {
        assertThat(FirstCall.gsonWorkload()).isEqualTo("contacts=2 emails=3 crc32=e321320c");
    }

    @Test
    void workloadsAreRepeatable() {
        assertThat(FirstCall.jacksonWorkload()).isEqualTo(FirstCall.jacksonWorkload());
        assertThat(FirstCall.gsonWorkload()).isEqualTo(FirstCall.gsonWorkload());
    }
}
