package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationChangeTest {

    private static final String NTS = "org.apache.cassandra.locator.NetworkTopologyStrategy";

    @Test
    void theSameFactorsAreNoChange() {
        assertThat(ReplicationChange.between("links", Map.of("class", NTS, "dc1", "1"), Map.of("dc1", 1))).isEmpty();
    }

    @Test
    void aNewDatacenterNeedsARepairThereAndNoCleanup() {
        ReplicationChange change = ReplicationChange.between("links", Map.of("class", NTS, "us-east", "3"),
                Map.of("us-east", 3, "eu-west", 3)).orElseThrow();

        assertThat(change.needRepair()).containsExactly("eu-west");
        assertThat(change.needCleanup()).isEmpty();
        assertThat(change.alterStatement())
                .isEqualTo("ALTER KEYSPACE links WITH replication = {'class': 'NetworkTopologyStrategy', 'eu-west': 3, 'us-east': 3}");
        assertThat(change.advice()).contains("{us-east=3} to {eu-west=3, us-east=3}")
                .contains("nodetool repair -full links` on every node of [eu-west]").doesNotContain("cleanup");
    }

    @Test
    void aLowerFactorOrADatacenterLeftNeedsACleanupThere() {
        ReplicationChange change = ReplicationChange.between("links", Map.of("class", NTS, "us-east", "3", "eu-west", "3"),
                Map.of("us-east", 2)).orElseThrow();

        assertThat(change.needRepair()).isEmpty();
        assertThat(change.needCleanup()).containsExactly("eu-west", "us-east");
        assertThat(change.advice()).contains("nodetool cleanup links` on every node of [eu-west, us-east]").doesNotContain("repair");
    }

    @Test
    void aKeyspaceOfAnotherStrategyIsLeftToTheOperator() {
        assertThatThrownBy(() -> ReplicationChange.between("links",
                Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1"), Map.of("dc1", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not NetworkTopologyStrategy");
    }
}
