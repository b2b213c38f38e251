package io.shortener.devstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.StackDefinition;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * How {@code -Dservers=containers} is wired: the option itself, each container bound to exactly the address and
 * port the fixture publishes (so the tests, configured from those, reach it as they reach a local server), and
 * a clean skip where no Docker engine answers. What it cannot hold here is a container running: these machines
 * have no Docker engine.
 */
class ContainerServersTest {

    private final StackDefinition test = StackDefinition.test();
    private final ProjectHome home = ProjectHome.locate();

    @Test
    void theServersComeFromLocalProcessesUnlessContainersAreAskedFor() {
        assertThat(ServerSource.parse("")).isEqualTo(ServerSource.LOCAL);
        assertThat(ServerSource.parse("local")).isEqualTo(ServerSource.LOCAL);
        assertThat(ServerSource.parse(" Containers ")).isEqualTo(ServerSource.CONTAINERS);
        assertThatThrownBy(() -> ServerSource.parse("docker")).hasMessageContaining("'local'").hasMessageContaining("'containers'");
    }

    @Test
    void cassandraListensWhereTheFixturePublishesItsEndpoint() {
        ContainerSpec cassandra = ContainerSpecs.cassandra(test.firstNode());

        assertThat(cassandra.environment()).containsEntry("CASSANDRA_LISTEN_ADDRESS", RealCassandra.ENDPOINT.host())
                .containsEntry("CASSANDRA_RPC_ADDRESS", RealCassandra.ENDPOINT.host())
                .containsEntry("CASSANDRA_DC", RealCassandra.ENDPOINT.datacenter());
        assertThat(cassandra.environment().get("JVM_EXTRA_OPTS"))
                .contains("-Dcassandra.native_transport_port=" + RealCassandra.ENDPOINT.port());
    }

    @Test
    void kafkaAdvertisesTheFixturesBootstrapServersAndMakesItsTopics() {
        KafkaBrokerSettings broker = RealKafka.SETTINGS;
        ContainerSpec kafka = ContainerSpecs.kafka(broker);

        assertThat(kafka.environment()).containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + broker.bootstrapServers());
        assertThat(kafka.environment().get("KAFKA_LISTENERS")).contains("PLAINTEXT://" + broker.bootstrapServers());
        assertThat(ContainerSpecs.kafkaTopics(broker)).hasSize(broker.topics().size()).allSatisfy(command ->
                assertThat(command).contains("--create", broker.bootstrapServers()));
        assertThat(ContainerSpecs.kafkaTopics(broker).get(0)).contains("clicks", "6");
    }

    @Test
    void eachRedisNodeRunsTheLocalNodeConfigurationOnItsPortAndTheClusterTakesThemAll() {
        List<ContainerSpec> nodes = ContainerSpecs.redis(home, RealRedisCluster.SETTINGS);

        assertThat(nodes).hasSize(RealRedisCluster.SETTINGS.ports().size());
        for (int i = 0; i < nodes.size(); i++) {
            int port = RealRedisCluster.SETTINGS.ports().get(i);
            assertThat(nodes.get(i).files().values()).singleElement().asString()
                    .contains("bind " + RealRedisCluster.SETTINGS.address() + "\n", "port " + port + "\n",
                            "cluster-announce-ip " + RealRedisCluster.SETTINGS.address() + "\n", "cluster-enabled yes")
                    .doesNotContain("{{");
        }
        assertThat(ContainerSpecs.redisClusterCreate(RealRedisCluster.SETTINGS)).containsSubsequence("--cluster", "create")
                .containsAll(RealRedisCluster.nodes().lines().flatMap(nodesList -> Stream.of(nodesList.split(","))).toList());
    }

    @Test
    void clickHouseRunsTheLocalConfigurationOnTheFixturesPorts() {
        ContainerSpec clickhouse = ContainerSpecs.clickhouse(home, RealClickHouse.SETTINGS);

        assertThat(clickhouse.files()).containsKeys("/etc/clickhouse-server/config.xml", "/etc/clickhouse-server/users.xml");
        assertThat(clickhouse.files().get("/etc/clickhouse-server/config.xml"))
                .contains("<listen_host>" + RealClickHouse.SETTINGS.address() + "</listen_host>",
                        "<http_port>" + RealClickHouse.SETTINGS.httpPort() + "</http_port>")
                .doesNotContain("{{");
    }

    @Test
    void everyImageIsPinnedToTheVersionTheLocalServersRun() {
        assertThat(List.of(ContainerSpecs.CASSANDRA_IMAGE, ContainerSpecs.KAFKA_IMAGE, ContainerSpecs.REDIS_IMAGE,
                ContainerSpecs.CLICKHOUSE_IMAGE)).containsExactly("cassandra:5.0", "apache/kafka:4.1.1", "redis:7.4",
                "yandex/clickhouse-server:18.16");
        assertThatThrownBy(() -> new ContainerSpec("redis:latest", List.of(), java.util.Map.of(), java.util.Map.of(), null))
                .hasMessageContaining("pin");
    }

    @Test
    void dockerIsLookedForWhereDockerHostOrTheDefaultSocketSays() {
        assertThat(DockerEngine.address("tcp://127.0.0.1:2376")).isEqualTo(new InetSocketAddress("127.0.0.1", 2376));
        assertThat(DockerEngine.address("unix:///run/user/1000/docker.sock"))
                .isEqualTo(UnixDomainSocketAddress.of("/run/user/1000/docker.sock"));
        assertThat(DockerEngine.address("ssh://somewhere")).isNull();
    }

    /** Runs for real here, where no Docker engine answers: the class is skipped with the one line before any of its tests starts. */
    @Test
    void withoutADockerEngineTheClassesThatNeedServersAreSkippedWithOneLine() {
        String before = System.getProperty(ServerSource.PROPERTY);
        System.setProperty(ServerSource.PROPERTY, "containers");
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsKafka.class)).execute();
        } finally {
            if (before == null) {
                System.clearProperty(ServerSource.PROPERTY);
            } else {
                System.setProperty(ServerSource.PROPERTY, before);
            }
        }

        assertThat(DockerEngine.answers()).as("this machine has no Docker engine").isFalse();
        Events classes = results.containerEvents();
        classes.assertStatistics(stats -> stats.aborted(1).failed(0));
        assertThat(classes.aborted().stream().map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("")))
                .singleElement().asString().contains("no Docker engine answers").doesNotContain("\n");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    /** Run only by the test above, through the test kit. */
    @ExtendWith(RealKafka.class)
    static class NeedsKafka {
        @Test
        void wouldUseTheBroker() {
            throw new AssertionError("never runs without a broker");
        }
    }
}
