package io.shortener.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a region's service connects to, as the environment variables its configuration
 * (shortener-service/config/shortener.yml) reads: its datacenter's Cassandra nodes, the keyspace's
 * replication, its region bits, its Redis Cluster and Kafka, and the stack's ClickHouse.
 */
public record ServiceTargets(List<CassandraEndpoint> cassandra, Map<String, Integer> replication, int regionId,
                             RedisClusterSettings redis, KafkaBrokerSettings kafka, ClickHouseSettings clickhouse) {

    public ServiceTargets {
        cassandra = List.copyOf(cassandra);
        replication = Map.copyOf(new LinkedHashMap<>(replication));
    }

    public static ServiceTargets of(StackDefinition stack, RegionSettings region) {
        return new ServiceTargets(stack.datacenter(region.datacenter()).stream().map(CassandraNodeSettings::endpoint).toList(),
                stack.replication(), region.id(), region.redis(), region.kafka(), stack.clickhouse());
    }

    public String datacenter() {
        return cassandra.get(0).datacenter();
    }

    Map<String, String> environment() {
        return Map.of(
                "SHORTENER_CASSANDRA_CONTACT_POINTS", cassandra.stream().map(CassandraEndpoint::contactPoint).collect(Collectors.joining(",")),
                "SHORTENER_CASSANDRA_DC", datacenter(),
                // Rendered into the YAML's flow mapping {…}: "us-east: 3, eu-west: 3".
                "SHORTENER_CASSANDRA_REPLICATION", replication.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(factor -> factor.getKey() + ": " + factor.getValue()).collect(Collectors.joining(", ")),
                "SHORTENER_REGION_ID", Integer.toString(regionId),
                "SHORTENER_REDIS_NODES", String.join(",", redis.nodes()),
                "SHORTENER_KAFKA_BOOTSTRAP", kafka.bootstrapServers(),
                "SHORTENER_CLICKHOUSE_URL", clickhouse.jdbcUrl());
    }
}
