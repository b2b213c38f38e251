package io.shortener.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReleaseInfoTest {

    @Test
    void saysUnknownWhenNoManifestNamesAVersion() {
        assertThat(new ReleaseInfo(null).version()).isEqualTo("unknown");
        assertThat(new ReleaseInfo(" ").version()).isEqualTo("unknown");
    }

    @Test
    void answersTheVersionAsJson() {
        assertThat(new ReleaseInfo("0.1.0-SNAPSHOT+rollout.2").json()).isEqualTo("{\"version\":\"0.1.0-SNAPSHOT+rollout.2\"}");
        assertThat(new ReleaseInfo("a\"b").json()).isEqualTo("{\"version\":\"a\\\"b\"}");
    }
}
