package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
}
