package io.shortener.devstack;

/**
 * A named set of servers. The local run and the tests use different loopback addresses, so tests can
 * run while `bin/shortener up` is serving.
 */
public record StackDefinition(String name, CassandraNodeSettings cassandra, RedisClusterSettings redis, KafkaBrokerSettings kafka,
                              ClickHouseSettings clickhouse, SparkJobSettings analytics, ServiceSettings service) {

    /**
     * What `bin/shortener up` starts: Cassandra on 127.0.0.1:19042, a Redis Cluster on 127.0.0.1:16379-16384,
     * Kafka on 127.0.0.1:19092, ClickHouse on 127.0.0.1:18123
     * (native 19000), the analytics Spark job, the service on 8080/8081 unless overridden.
     */
    public static StackDefinition local() {
        return new StackDefinition("local",
                CassandraNodeSettings.local("shortener-local", "node1", "127.0.0.1", 17199),
                RedisClusterSettings.threeByTwo("cluster", "127.0.0.1", 16379),
                KafkaBrokerSettings.single("broker", "127.0.0.1"),
                ClickHouseSettings.on("127.0.0.1"),
                SparkJobSettings.local(),
                new ServiceSettings("127.0.0.1", intEnv("SHORTENER_HTTP_PORT", 8080), intEnv("SHORTENER_ADMIN_PORT", 8081),
                        ServiceSettings.jvmOptionsFromEnvironment()));
    }

    /** What the integration tests start: the same on 127.0.0.11, data thrown away at the next run. */
    public static StackDefinition test() {
        return new StackDefinition("test",
                CassandraNodeSettings.single("shortener-test", "node1", "127.0.0.11", 17299, true),
                RedisClusterSettings.threeByTwo("cluster", "127.0.0.11", 16379),
                KafkaBrokerSettings.single("broker", "127.0.0.11"),
                ClickHouseSettings.on("127.0.0.11"),
                SparkJobSettings.local(),
                new ServiceSettings("127.0.0.1", 0, 0));
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
