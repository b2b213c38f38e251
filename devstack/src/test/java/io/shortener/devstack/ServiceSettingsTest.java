package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void splitsExtraJvmOptionsOnWhiteSpace() {
        assertThat(ServiceSettings.jvmOptions("  -Xmx1g \t-XX:MaxGCPauseMillis=5\n")).containsExactly("-Xmx1g", "-XX:MaxGCPauseMillis=5");
    }

    @Test
    void addsNothingWhenTheVariableIsUnsetOrBlank() {
        assertThat(ServiceSettings.jvmOptions(null)).isEmpty();
        assertThat(ServiceSettings.jvmOptions("  ")).isEmpty();
        assertThat(new ServiceSettings("127.0.0.1", 8080, 8081).extraJvmOptions()).isEmpty();
    }
}
