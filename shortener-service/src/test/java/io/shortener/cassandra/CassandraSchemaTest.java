package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CassandraSchemaTest {

    @Test
    void fillsInTheKeyspaceAndOneReplicationFactorPerDatacenter() {
        CassandraSchema schema = new CassandraSchema("links_eu", Map.of("eu-west", 3, "us-east", 3), Duration.ofSeconds(5));

        List<String> statements = schema.statements();

        assertThat(statements.get(0))
                .startsWith("CREATE KEYSPACE IF NOT EXISTS links_eu")
                .contains("{'class': 'NetworkTopologyStrategy', 'eu-west': 3, 'us-east': 3}");
        assertThat(statements).allSatisfy(statement -> assertThat(statement).doesNotContain("{{").doesNotContain("--"));
        assertThat(statements).anySatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE IF NOT EXISTS links_eu.links"));
    }

    @Test
    void aKeyspaceOrTableTheCoordinatorHasNotHeardOfYetIsSentAgainButABadStatementIsNot() {
        assertThat(CassandraSchema.notYetKnownThere(new InvalidQueryException(null, "Keyspace 'regions' doesn't exist"))).isTrue();
        assertThat(CassandraSchema.notYetKnownThere(new InvalidQueryException(null, "unconfigured table links"))).isTrue();
        assertThat(CassandraSchema.notYetKnownThere(new InvalidQueryException(null, "Unknown column visits during CREATE INDEX"))).isFalse();
        assertThat(CassandraSchema.notYetKnownThere(new InvalidQueryException(null, "line 1:7 no viable alternative"))).isFalse();
    }

    @Test
    void nodesThatAgreeOnlyAtTheLastCheckAreWaitedFor() {
        AtomicInteger checks = new AtomicInteger();

        CassandraSchema.awaitAgreement("regions", () -> checks.incrementAndGet() == CassandraSchema.AGREEMENT_CHECKS, () -> "{a=1, b=2}");

        assertThat(checks).hasValue(CassandraSchema.AGREEMENT_CHECKS);
    }

    @Test
    void nodesThatNeverAgreeFailTheStartNamingEachNodesVersion() {
        AtomicInteger checks = new AtomicInteger();

        assertThatThrownBy(() -> CassandraSchema.awaitAgreement("regions", () -> checks.incrementAndGet() < 0, () -> "{/127.0.0.1=v1, /127.0.0.2=v2}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyspace regions").hasMessageContaining("/127.0.0.2=v2");
        assertThat(checks).hasValue(CassandraSchema.AGREEMENT_CHECKS);
    }
}
