package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two datacenters of three real Cassandra 5 nodes each, started together by the launcher with explicit
 * vnode tokens, as `bin/shortener up --regions 2` will: both DCs in one ring, data written in one
 * replicated to the other, and LOCAL_QUORUM in each DC surviving the loss of one of its nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("devstack")
class CassandraClusterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ProjectHome HOME = ProjectHome.locate();
    private static final CassandraCluster CLUSTER = new CassandraCluster(HOME, HOME.stackDir("test"),
            StackDefinition.testRegions().cassandra());

    @BeforeAll
    static void startTheCluster() {
        CLUSTER.wipe();
        long started = System.nanoTime();
        CLUSTER.start();
        System.out.printf("[devstack] 2 x 3 Cassandra nodes ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void wipeTheCluster() {
        CLUSTER.wipe();
    }

    @Test
    @Order(1)
    void nodetoolStatusShowsBothDatacentersWithThreeNodesUpAndNormalEach() {
        String status = awaitValue(() -> CLUSTER.nodetool(List.of("status")),
                output -> output.lines().filter(line -> line.startsWith("UN ")).count() == 6);

        System.out.println("[devstack] nodetool status of the two-DC test cluster:\n" + status);
        assertThat(status).contains("Datacenter: us-east").contains("Datacenter: eu-west");
        for (CassandraNode node : CLUSTER.nodes()) {
            assertThat(status.lines().filter(line -> line.startsWith("UN  " + node.settings().address() + " ")))
                    .as("node %s up and normal, with its 16 vnode tokens", node.settings().address())
                    .singleElement().asString().containsPattern("\\s16\\s");
        }
    }

    @Test
    @Order(2)
    void aRowWrittenInOneDatacenterIsReadInTheOther() {
        try (CqlSession east = connect("us-east"); CqlSession west = connect("eu-west")) {
            east.execute("CREATE KEYSPACE IF NOT EXISTS regions WITH replication = "
                    + "{'class': 'NetworkTopologyStrategy', 'us-east': 3, 'eu-west': 3}");
            east.execute("CREATE TABLE IF NOT EXISTS regions.kv (k text PRIMARY KEY, v text)");
            awaitValue(() -> east.checkSchemaAgreement(), agreed -> agreed);
            east.execute(SimpleStatement.newInstance("INSERT INTO regions.kv (k, v) VALUES ('written', 'in us-east')")
                    .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));

            // Across DCs replication is asynchronous at LOCAL_QUORUM: wait for the row, do not assume it.
            Row row = awaitValue(() -> west.execute(SimpleStatement.newInstance("SELECT v FROM regions.kv WHERE k = 'written'")
                    .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)).one(), found -> found != null);

            assertThat(row.getString("v")).isEqualTo("in us-east");
        }
    }

    @Test
    @Order(3)
    void localQuorumInEachDatacenterSurvivesTheLossOfOneOfItsNodes() {
        CassandraNode eastVictim = CLUSTER.datacenter("us-east").get(2);
        CassandraNode westVictim = CLUSTER.datacenter("eu-west").get(2);
        eastVictim.running().orElseThrow().kill();
        westVictim.running().orElseThrow().kill();
        // The survivors must see both as down before the claim means anything (~10-15 s here).
        awaitValue(() -> CLUSTER.nodetool(List.of("status")), output -> output.contains("DN  " + eastVictim.settings().address() + " ")
                && output.contains("DN  " + westVictim.settings().address() + " "));

        try (CqlSession east = connect("us-east"); CqlSession west = connect("eu-west")) {
            for (int i = 0; i < 50; i++) {
                east.execute(SimpleStatement.newInstance("INSERT INTO regions.kv (k, v) VALUES (?, 'east')", "east-" + i)
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
                west.execute(SimpleStatement.newInstance("INSERT INTO regions.kv (k, v) VALUES (?, 'west')", "west-" + i)
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(east.execute(SimpleStatement.newInstance("SELECT v FROM regions.kv WHERE k = ?", "east-" + i)
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)).one()).isNotNull();
                assertThat(west.execute(SimpleStatement.newInstance("SELECT v FROM regions.kv WHERE k = ?", "west-" + i)
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)).one()).isNotNull();
            }
        }
    }

    private static CqlSession connect(String datacenter) {
        CassandraNode node = CLUSTER.datacenter(datacenter).get(0);
        // Six small nodes share two cores: DDL waits for all six to agree, which CI saw take over the
        // driver's default 2 s; every request gets the time a schema change needs.
        DriverConfigLoader patient = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(node.endpoint().host(), node.endpoint().port()))
                .withLocalDatacenter(datacenter)
                .withConfigLoader(patient)
                .build();
    }

    /** Asks again until the answer is the one awaited (a node's view of the ring, a replicated row), or fails with the last one. */
    private static <T> T awaitValue(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE.toSeconds() + " s; last seen: " + value);
            }
            try {
                // Between two asks only: each nodetool run is a JVM of its own, so asking in a tight loop would
                // take the CPU from the nodes whose gossip it waits for.
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            value = probe.get();
        }
        return value;
    }
}
