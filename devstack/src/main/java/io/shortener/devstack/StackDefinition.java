package io.shortener.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of servers: the Cassandra nodes of every datacenter, one {@link RegionSettings} per
 * region (its Redis Cluster, Kafka broker and service), and the one ClickHouse and analytics job that
 * serve them all. The local runs and the tests use different loopback addresses, so tests can run while
 * `bin/shortener up` is serving.
 */
public record StackDefinition(String name, List<CassandraNodeSettings> cassandra, List<RegionSettings> regions,
                              ClickHouseSettings clickhouse, SparkJobSettings analytics) {

    /** Each datacenter keeps this many copies of every row, or one per node where it has fewer nodes. */
    static final int REPLICAS_PER_DATACENTER = 3;

    public StackDefinition {
        cassandra = List.copyOf(cassandra);
        regions = List.copyOf(regions);
        if (cassandra.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("a stack needs a Cassandra node and a region");
        }
        for (RegionSettings region : regions) {
            if (cassandra.stream().noneMatch(node -> node.datacenter().equals(region.datacenter()))) {
                throw new IllegalArgumentException("region " + region.name() + " has no Cassandra node in datacenter " + region.datacenter());
            }
        }
    }

    /** A stack of one Cassandra node and one region named after the node's datacenter. */
    public static StackDefinition singleRegion(String name, CassandraNodeSettings node, RedisClusterSettings redis,
                                               KafkaBrokerSettings kafka, ClickHouseSettings clickhouse, SparkJobSettings analytics,
                                               ServiceSettings service) {
        return new StackDefinition(name, List.of(node), List.of(new RegionSettings(node.datacenter(), 0, redis, kafka, service)),
                clickhouse, analytics);
    }

    /**
     * What `bin/shortener up` starts: Cassandra on 127.0.0.1:19042, a Redis Cluster on 127.0.0.1:16379-16384,
     * Kafka on 127.0.0.1:19092, ClickHouse on 127.0.0.1:18123
     * (native 19000), the analytics Spark job (its metrics on 127.0.0.1:18095), the service on 8080/8081 unless overridden.
     */
    public static StackDefinition local() {
        return singleRegion("local",
                CassandraNodeSettings.local("shortener-local", "node1", "127.0.0.1", 17199),
                RedisClusterSettings.threeByTwo("cluster", "127.0.0.1", 16379),
                KafkaBrokerSettings.single("broker", "127.0.0.1"),
                ClickHouseSettings.on("127.0.0.1"),
                SparkJobSettings.local().withMetricsOn("127.0.0.1"),
                new ServiceSettings("127.0.0.1", intEnv("SHORTENER_HTTP_PORT", 8080), intEnv("SHORTENER_ADMIN_PORT", 8081),
                        ServiceSettings.jvmOptionsFromEnvironment()));
    }

    /**
     * What `bin/shortener up --regions 2` starts: datacenters us-east (Cassandra on 127.0.1.1-3) and eu-west
     * (127.0.1.4-6), three nodes each; per region a Redis Cluster and a Kafka broker on the region's first
     * address (127.0.1.1, 127.0.1.4) and a service (us-east on 8080/8081, eu-west on 8180/8181); one
     * ClickHouse (127.0.0.1:18123, as in the one-region stack) and one analytics job for both.
     */
    public static StackDefinition twoRegions() {
        List<CassandraNodeSettings> nodes = CassandraNodeSettings.datacenters("shortener-regions", List.of("us-east", "eu-west"), 3,
                "127.0.1.", 1, 17211, "512m", false, CassandraNodeSettings.NodeSize.LOCAL);
        List<String> jvmOptions = ServiceSettings.jvmOptionsFromEnvironment();
        return new StackDefinition("regions", nodes, List.of(
                new RegionSettings("us-east", 0, RedisClusterSettings.threeByTwo("us-east", "127.0.1.1", 16379),
                        KafkaBrokerSettings.single("us-east", "127.0.1.1"), new ServiceSettings("127.0.0.1", 8080, 8081, jvmOptions)),
                new RegionSettings("eu-west", 1, RedisClusterSettings.threeByTwo("eu-west", "127.0.1.4", 16379),
                        KafkaBrokerSettings.single("eu-west", "127.0.1.4"), new ServiceSettings("127.0.0.1", 8180, 8181, jvmOptions))),
                ClickHouseSettings.on("127.0.0.1"),
                SparkJobSettings.local().withMetricsOn("127.0.0.1"));
    }

    /** What the integration tests start: the same as {@link #local()} on 127.0.0.11, data thrown away at the next run. */
    public static StackDefinition test() {
        return singleRegion("test",
                CassandraNodeSettings.single("shortener-test", "node1", "127.0.0.11", 17299, true),
                RedisClusterSettings.threeByTwo("cluster", "127.0.0.11", 16379),
                KafkaBrokerSettings.single("broker", "127.0.0.11"),
                ClickHouseSettings.on("127.0.0.11"),
                SparkJobSettings.test().withMetricsOn("127.0.0.11"),
                new ServiceSettings("127.0.0.1", 0, 0));
    }

    /**
     * What the multi-region integration tests start: the two regions of {@link #twoRegions()} on 127.0.2.1-6
     * (small Cassandra nodes, data thrown away at the next run), services on free ports, and the test
     * stack's ClickHouse.
     */
    public static StackDefinition testRegions() {
        List<CassandraNodeSettings> nodes = CassandraNodeSettings.datacenters("shortener-regions-test", List.of("us-east", "eu-west"), 3,
                "127.0.2.", 1, 17311, "256m", true, CassandraNodeSettings.NodeSize.SMALL);
        return new StackDefinition("test-regions", nodes, List.of(
                new RegionSettings("us-east", 0, RedisClusterSettings.threeByTwo("us-east", "127.0.2.1", 16379),
                        KafkaBrokerSettings.single("us-east", "127.0.2.1"), new ServiceSettings("127.0.0.1", 0, 0)),
                new RegionSettings("eu-west", 1, RedisClusterSettings.threeByTwo("eu-west", "127.0.2.4", 16379),
                        KafkaBrokerSettings.single("eu-west", "127.0.2.4"), new ServiceSettings("127.0.0.1", 0, 0))),
                test().clickhouse(),
                SparkJobSettings.test().withMetricsOn("127.0.2.1"));
    }

    /** A region by name. */
    public RegionSettings region(String name) {
        return regions.stream().filter(region -> region.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stack " + name() + " has no region " + name));
    }

    /** The region of a one-region stack. */
    public RegionSettings region() {
        if (regions.size() != 1) {
            throw new IllegalStateException("stack " + name + " has " + regions.size() + " regions");
        }
        return regions.get(0);
    }

    /** The first Cassandra node: the only one of a one-node stack. */
    public CassandraNodeSettings firstNode() {
        return cassandra.get(0);
    }

    /** The nodes of one datacenter. */
    public List<CassandraNodeSettings> datacenter(String datacenter) {
        return cassandra.stream().filter(node -> node.datacenter().equals(datacenter)).toList();
    }

    /** The keyspace's replication: three copies in each datacenter, or one per node where it has fewer. */
    public Map<String, Integer> replication() {
        Map<String, Integer> factors = new LinkedHashMap<>();
        for (CassandraNodeSettings node : cassandra) {
            factors.merge(node.datacenter(), 1, (a, b) -> Math.min(REPLICAS_PER_DATACENTER, a + b));
        }
        return factors;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
