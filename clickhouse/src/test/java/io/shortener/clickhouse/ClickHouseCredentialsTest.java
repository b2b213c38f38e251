package io.shortener.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickHouseCredentialsTest {

    @Test
    void sendsTheNamedUserAsBasicAuthentication() {
        ClickHouseCredentials credentials = ClickHouseCredentials.from(Map.of("CLICKHOUSE_USER", "shortener", "CLICKHOUSE_PASSWORD", "s3cret"));

        assertThat(credentials.authorization()).contains("Basic c2hvcnRlbmVyOnMzY3JldA==");
    }

    @Test
    void sendsNoAuthorizationWithoutAUser() {
        assertThat(ClickHouseCredentials.from(Map.of()).authorization()).isEmpty();
        assertThat(ClickHouseCredentials.none().authorization()).isEmpty();
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new ClickHouseCredentials("shortener", "s3cret").toString()).contains("shortener").doesNotContain("s3cret");
    }
}
