package io.shortener.devstack;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A local Redis Cluster: {@code masters} masters with {@code replicasPerMaster} replicas each, on
 * consecutive ports of one loopback address (each node's cluster bus is its port + 10000).
 */
public record RedisClusterSettings(String name, String address, int firstPort, int masters, int replicasPerMaster,
                                   int nodeTimeoutMillis, String maxMemory) {

    public List<Integer> ports() {
        return IntStream.range(firstPort, firstPort + masters * (1 + replicasPerMaster)).boxed().toList();
    }

    public List<String> nodes() {
        return ports().stream().map(port -> address + ":" + port).toList();
    }

    /** Three masters, a replica each (without replicas, one lost master takes the whole cluster down). */
    public static RedisClusterSettings threeByTwo(String name, String address, int firstPort) {
        return new RedisClusterSettings(name, address, firstPort, 3, 1, 2000, "128mb");
    }
}
