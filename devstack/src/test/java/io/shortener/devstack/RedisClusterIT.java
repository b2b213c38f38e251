package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The launcher against real redis-server processes: create, fail over, rejoin, and form again after a restart. */
@Tag("devstack")
class RedisClusterIT {

    private final ProjectHome home = ProjectHome.locate();
    private final RedisCluster cluster = new RedisCluster(home, home.stackDir("test"),
            RedisClusterSettings.threeByTwo("launcher", "127.0.0.12", 16379));

    @AfterEach
    void cleanUp() {
        cluster.wipe();
    }

    @Test
    void createsAClusterOfThreeMastersAndThreeReplicas() {
        cluster.wipe();

        cluster.ensureRunning();

        assertThat(cluster.clusterOk()).isTrue();
        assertThat(cluster.masterPorts()).hasSize(3);
        assertThat(RedisProbe.ask("127.0.0.12", 16379, "CLUSTER", "INFO").orElseThrow()).contains("cluster_known_nodes:6");
    }

    @Test
    void aKilledMasterIsReplacedByItsReplicaAndRejoinsWhenRestarted() {
        cluster.wipe();
        cluster.ensureRunning();
        int master = cluster.masterPorts().get(0);

        cluster.running(master).orElseThrow().kill();

        LocalProcess survivor = cluster.running(cluster.masterPorts().stream().filter(p -> p != master).findFirst().orElseThrow()).orElseThrow();
        survivor.awaitReady("with three masters again", Duration.ofSeconds(30),
                () -> cluster.masterPorts().size() == 3 && cluster.clusterOk());
        assertThat(cluster.masterPorts()).doesNotContain(master);

        cluster.startNode(master);
        survivor.awaitReady("with the old master back as a replica", Duration.ofSeconds(30),
                () -> RedisProbe.ask("127.0.0.12", master, "INFO", "replication").orElse("").contains("role:slave"));
    }

    @Test
    void aStoppedClusterFormsAgainFromItsNodesConf() {
        cluster.wipe();
        cluster.ensureRunning();
        String nodesBefore = RedisProbe.ask("127.0.0.12", 16379, "CLUSTER", "MYID").orElseThrow();

        assertThat(cluster.stop()).isTrue();
        cluster.ensureRunning();

        assertThat(cluster.clusterOk()).isTrue();
        assertThat(RedisProbe.ask("127.0.0.12", 16379, "CLUSTER", "MYID").orElseThrow()).isEqualTo(nodesBefore);
    }
}
