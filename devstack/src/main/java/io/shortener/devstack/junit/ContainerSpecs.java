package io.shortener.devstack.junit;

import io.shortener.devstack.CassandraNodeSettings;
import io.shortener.devstack.ClickHouseSettings;
import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.RedisClusterSettings;
import io.shortener.devstack.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test stack's servers as containers, from the same settings the local launchers take (addresses, ports,
 * datacenter, topics) and, for Redis and ClickHouse, the same configuration templates. Images are the versions
 * the local servers run: Cassandra 5.0, Kafka 4.1 (KRaft), Redis 7, ClickHouse 18.16.
 */
final class ContainerSpecs {

    static final String CASSANDRA_IMAGE = "cassandra:5.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String REDIS_IMAGE = "redis:7.4";
    static final String CLICKHOUSE_IMAGE = "yandex/clickhouse-server:18.16";

    private ContainerSpecs() {
    }

    static ContainerSpec cassandra(CassandraNodeSettings node) {
        return new ContainerSpec(CASSANDRA_IMAGE, List.of(), Map.of(
                "CASSANDRA_CLUSTER_NAME", node.clusterName(),
                "CASSANDRA_LISTEN_ADDRESS", node.address(),
                "CASSANDRA_RPC_ADDRESS", node.address(),
                "CASSANDRA_SEEDS", String.join(",", node.seeds()),
                "CASSANDRA_DC", node.datacenter(),
                "CASSANDRA_RACK", node.rack(),
                "CASSANDRA_ENDPOINT_SNITCH", "GossipingPropertyFileSnitch",
                "MAX_HEAP_SIZE", node.heap().toUpperCase(), "HEAP_NEWSIZE", "128M",
                "JVM_EXTRA_OPTS", String.join(" ", "-Dcassandra.native_transport_port=" + node.nativePort(),
                        "-Dcassandra.storage_port=" + node.storagePort(), "-Dcassandra.jmx.local.port=" + node.jmxPort(),
                        "-Dcassandra.ring_delay_ms=1000", "-Dcassandra.skip_wait_for_gossip_to_settle=0")),
                Map.of(), ".*Starting listening for CQL clients.*");
    }

    static ContainerSpec kafka(KafkaBrokerSettings broker) {
        String controller = broker.address() + ":" + broker.controllerPort();
        return new ContainerSpec(KAFKA_IMAGE, List.of(), Map.of(
                "KAFKA_NODE_ID", "1",
                "KAFKA_PROCESS_ROLES", "broker,controller",
                "KAFKA_LISTENERS", "PLAINTEXT://" + broker.bootstrapServers() + ",CONTROLLER://" + controller,
                "KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + broker.bootstrapServers(),
                "KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@" + controller,
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
                Map.of(), ".*Kafka Server started.*");
    }

    /** The broker's topics, made as the local launcher makes them, once it answers. */
    static List<List<String>> kafkaTopics(KafkaBrokerSettings broker) {
        return broker.topics().stream().map(topic -> List.of("/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server",
                broker.bootstrapServers(), "--create", "--if-not-exists", "--topic", topic.name(), "--partitions",
                Integer.toString(topic.partitions()), "--replication-factor", "1")).toList();
    }

    /** One container per node, each with the node configuration the local launcher renders. */
    static List<ContainerSpec> redis(ProjectHome home, RedisClusterSettings cluster) {
        List<ContainerSpec> nodes = new ArrayList<>();
        for (int port : cluster.ports()) {
            String config = Template.render(read(home.redisConf().resolve("redis-node.conf.template")), Map.of(
                    "address", cluster.address(),
                    "port", Integer.toString(port),
                    "dir", "/data/" + port,
                    "node_timeout", Integer.toString(cluster.nodeTimeoutMillis()),
                    "max_memory", cluster.maxMemory()));
            String file = "/usr/local/etc/redis/node-" + port + ".conf";
            nodes.add(new ContainerSpec(REDIS_IMAGE, List.of("sh", "-c", "mkdir -p /data/" + port + " && exec redis-server " + file),
                    Map.of(), Map.of(file, config), ".*Ready to accept connections.*"));
        }
        return nodes;
    }

    /** The cluster's slots assigned and replicas placed, as the local launcher does on a first start. */
    static List<String> redisClusterCreate(RedisClusterSettings cluster) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        command.addAll(cluster.nodes());
        command.addAll(List.of("--cluster-replicas", Integer.toString(cluster.replicasPerMaster()), "--cluster-yes"));
        return command;
    }

    static ContainerSpec clickhouse(ProjectHome home, ClickHouseSettings server) {
        String config = Template.render(read(home.clickHouseConf().resolve("config.xml.template")), Map.of(
                "dir", "/var/lib/clickhouse",
                "conf", "/etc/clickhouse-server",
                "address", server.address(),
                "http_port", Integer.toString(server.httpPort()),
                "tcp_port", Integer.toString(server.tcpPort()),
                "interserver_port", Integer.toString(server.interserverPort())));
        return new ContainerSpec(CLICKHOUSE_IMAGE, List.of(), Map.of(), Map.of(
                "/etc/clickhouse-server/config.xml", config,
                "/etc/clickhouse-server/users.xml", read(home.clickHouseConf().resolve("users.xml"))),
                null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
