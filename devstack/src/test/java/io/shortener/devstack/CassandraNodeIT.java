package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The launcher against a real Cassandra 5 node: start, answer CQL, stop by PID, keep data across a restart. */
@Tag("devstack")
class CassandraNodeIT {

    private final ProjectHome home = ProjectHome.locate();
    private final CassandraNode node = new CassandraNode(home, home.stackDir("test"),
            new CassandraNodeSettings("shortener-launcher-test", "launcher", "127.0.0.12", CassandraEndpoint.DEFAULT_NATIVE_PORT,
                    17000, 17298, "dc1", "rack1", List.of("127.0.0.12"), "256m", true, CassandraNodeSettings.NodeSize.SMALL, List.of()));

    @AfterEach
    void cleanUp() {
        node.wipe();
    }

    @Test
    void aNodeStartsAnswersCqlAndKeepsItsDataAcrossAStopAndStart() {
        node.wipe();
        LocalProcess first = node.start();
        try (CqlSession session = connect()) {
            session.execute("CREATE KEYSPACE launcher WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}");
            session.execute("CREATE TABLE launcher.kv (k text PRIMARY KEY, v text)");
            session.execute("INSERT INTO launcher.kv (k, v) VALUES ('survives', 'restart')");
            assertThat(session.execute("SELECT data_center FROM system.local").one().getString(0)).isEqualTo("dc1");
        }

        assertThat(node.stop()).isTrue();
        assertThat(first.isAlive()).isFalse();
        assertThat(node.running()).isEmpty();

        node.start();
        try (CqlSession session = connect()) {
            assertThat(session.execute("SELECT v FROM launcher.kv WHERE k = 'survives'").one().getString(0)).isEqualTo("restart");
        }
    }

    @Test
    void ensureRunningReusesTheNodeAlreadyUp() {
        node.wipe();
        LocalProcess started = node.start();

        LocalProcess again = node.ensureRunning();

        assertThat(again.pid()).isEqualTo(started.pid());
    }

    private CqlSession connect() {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(node.endpoint().host(), node.endpoint().port()))
                .withLocalDatacenter("dc1")
                .build();
    }
}
