package io.shortener.devstack;

import java.util.List;

/**
 * One Cassandra node of a local cluster. Nodes of one machine share ports and differ by loopback
 * address (127.0.0.1, 127.0.0.2, …); only the JMX port, bound to 127.0.0.1, must differ per node.
 */
public record CassandraNodeSettings(
        String clusterName,
        String nodeName,
        String address,
        int nativePort,
        int storagePort,
        int jmxPort,
        String datacenter,
        String rack,
        List<String> seeds,
        String heap,
        boolean throwawayData,
        NodeSize size) {

    /**
     * SMALL starts fast and stays small (C1 only, 4 concurrent reads and writes): tests. LOCAL is the
     * full JIT and more concurrency, for `bin/shortener up` and the benchmarks.
     */
    public enum NodeSize {
        SMALL(4, true), LOCAL(16, false);

        final int concurrency;
        final boolean quickJitOnly;

        NodeSize(int concurrency, boolean quickJitOnly) {
            this.concurrency = concurrency;
            this.quickJitOnly = quickJitOnly;
        }
    }

    public CassandraNodeSettings {
        seeds = List.copyOf(seeds);
    }

    public CassandraEndpoint endpoint() {
        return new CassandraEndpoint(address, nativePort, datacenter);
    }

    /** A small one-node cluster seeding itself, for tests. */
    public static CassandraNodeSettings single(String clusterName, String nodeName, String address, int jmxPort,
                                               boolean throwawayData) {
        return new CassandraNodeSettings(clusterName, nodeName, address, CassandraEndpoint.DEFAULT_NATIVE_PORT,
                17000, jmxPort, "dc1", "rack1", List.of(address), "256m", throwawayData, NodeSize.SMALL);
    }

    /** The one node of `bin/shortener up`: full JIT, a larger heap. */
    public static CassandraNodeSettings local(String clusterName, String nodeName, String address, int jmxPort) {
        return new CassandraNodeSettings(clusterName, nodeName, address, CassandraEndpoint.DEFAULT_NATIVE_PORT,
                17000, jmxPort, "dc1", "rack1", List.of(address), "768m", false, NodeSize.LOCAL);
    }
}
