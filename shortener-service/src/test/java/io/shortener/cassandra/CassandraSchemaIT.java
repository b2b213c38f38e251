package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealCassandra.class)
class CassandraSchemaIT {

    @Test
    void appliesTheSchemaIdempotentlyWithNetworkTopologyStrategy() {
        CassandraSchema schema = new CassandraSchema("it_schema", Map.of("dc1", 1), Duration.ofSeconds(30));
        try (CqlSession session = TestApps.cql()) {
            schema.apply(session);
            schema.apply(session);

            Map<String, String> replication = session.execute(
                    "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'it_schema'")
                    .one().getMap("replication", String.class, String.class);
            assertThat(replication).containsEntry("class", "org.apache.cassandra.locator.NetworkTopologyStrategy")
                    .containsEntry("dc1", "1");
            assertThat(session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'it_schema'")
                    .all()).extracting(row -> row.getString("table_name")).containsExactly("links");
        }
    }
}
