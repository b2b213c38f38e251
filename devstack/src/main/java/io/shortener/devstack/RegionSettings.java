package io.shortener.devstack;

/**
 * What one region of a local stack runs besides its Cassandra datacenter: its own Redis Cluster, its own
 * Kafka broker and its own service instance. {@code id} is the region's Snowflake region bits.
 */
public record RegionSettings(String name, int id, RedisClusterSettings redis, KafkaBrokerSettings kafka, ServiceSettings service) {

    /** The Cassandra datacenter of a region is named after it. */
    public String datacenter() {
        return name;
    }
}
