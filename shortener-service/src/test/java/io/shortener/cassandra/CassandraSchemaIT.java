package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealCassandra.class)
@Tag("links")
class CassandraSchemaIT {

    @Test
    void appliesTheSchemaIdempotentlyWithNetworkTopologyStrategy() {
        CassandraSchema schema = new CassandraSchema("it_schema", Map.of("dc1", 1), Duration.ofSeconds(30));
        try (CqlSession session = TestApps.cql()) {
            schema.apply(session);
            assertThat(schema.apply(session)).as("nothing to alter the second time").isEmpty();

            Map<String, String> replication = session.execute(
                    "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'it_schema'")
                    .one().getMap("replication", String.class, String.class);
            assertThat(replication).containsEntry("class", "org.apache.cassandra.locator.NetworkTopologyStrategy")
                    .containsEntry("dc1", "1");
            assertThat(session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'it_schema'")
                    .all()).extracting(row -> row.getString("table_name")).containsExactlyInAnyOrder("links", "link_changes", "machine_leases", "api_keys", "api_key_names", "link_idempotency", "blocklist",
                            "links_by_owner", "link_hours");
        }
    }

    @Test
    void givesALinksTableMadeBeforeKeysExistedItsOwnerTitleTagsAndUpdatedAtColumns() {
        try (CqlSession session = TestApps.cql()) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS it_owner WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS it_owner.links (code text PRIMARY KEY, id bigint, url text, created_at timestamp, "
                    + "expires_at timestamp, redirect_type int, custom_alias boolean, deleted_at timestamp)");
            session.execute("INSERT INTO it_owner.links (code, url) VALUES ('older', 'https://example.com/')");

            new CassandraSchema("it_owner", Map.of("dc1", 1), Duration.ofSeconds(30)).apply(session);

            assertThat(session.execute("SELECT owner, title, tags, updated_at, url FROM it_owner.links WHERE code = 'older'").one()
                    .getString("url")).isEqualTo("https://example.com/");
        }
    }

    @Test
    void altersTheReplicationWhenTheConfiguredFactorsChangeAndSaysWhatToRepair() {
        try (CqlSession session = TestApps.cql()) {
            new CassandraSchema("it_replication", Map.of("dc1", 1), Duration.ofSeconds(30)).apply(session);
            session.execute("INSERT INTO it_replication.links (code, url) VALUES ('kept', 'https://example.com/')");

            // One node cannot hold two replicas, but Cassandra takes the factor (its writes would then fail at
            // LOCAL_QUORUM): what is held here is the schema step, not the cluster.
            Optional<ReplicationChange> raised = new CassandraSchema("it_replication", Map.of("dc1", 2), Duration.ofSeconds(30)).apply(session);

            assertThat(raised).hasValueSatisfying(change -> assertThat(change.needRepair()).containsExactly("dc1"));
            assertThat(replication(session, "it_replication")).containsEntry("dc1", "2");

            Optional<ReplicationChange> lowered = new CassandraSchema("it_replication", Map.of("dc1", 1), Duration.ofSeconds(30)).apply(session);

            assertThat(lowered).hasValueSatisfying(change -> assertThat(change.needCleanup()).containsExactly("dc1"));
            assertThat(replication(session, "it_replication")).containsEntry("dc1", "1");
            assertThat(session.execute("SELECT url FROM it_replication.links WHERE code = 'kept'").one().getString("url"))
                    .isEqualTo("https://example.com/");
        }
    }

    private static Map<String, String> replication(CqlSession session, String keyspace) {
        return session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)
                .one().getMap("replication", String.class, String.class);
    }
}
