package io.shortener.devstack;

import java.util.ArrayList;
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
        NodeSize size,
        List<String> initialTokens) {

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

    /** num_tokens in cassandra.yaml.template. */
    static final int TOKENS_PER_NODE = 16;

    public CassandraNodeSettings {
        seeds = List.copyOf(seeds);
        initialTokens = List.copyOf(initialTokens);
    }

    /**
     * How the node takes its vnode tokens in {@code cassandra.yaml}: the explicit list when it has one
     * (nodes started together; read at the first boot only), else Cassandra's allocator for RF 3.
     */
    String tokenAssignment() {
        return initialTokens.isEmpty() ? "allocate_tokens_for_local_replication_factor: 3"
                : "initial_token: " + String.join(",", initialTokens);
    }

    public CassandraEndpoint endpoint() {
        return new CassandraEndpoint(address, nativePort, datacenter);
    }

    /** A small one-node cluster seeding itself, for tests. */
    public static CassandraNodeSettings single(String clusterName, String nodeName, String address, int jmxPort,
                                               boolean throwawayData) {
        return new CassandraNodeSettings(clusterName, nodeName, address, CassandraEndpoint.DEFAULT_NATIVE_PORT,
                17000, jmxPort, "dc1", "rack1", List.of(address), "512m", throwawayData, NodeSize.SMALL, List.of());
    }

    /**
     * The nodes of a cluster of several datacenters, started together: {@code nodesPerDatacenter} in each
     * DC, on {@code addressPrefix + n} from {@code firstHost} on (127.0.1.1, 127.0.1.2, …), JMX ports from
     * {@code firstJmxPort} on, named {@code <dc>-<n>}, every node a seed, with explicit
     * vnode tokens balanced within each DC.
     */
    public static List<CassandraNodeSettings> datacenters(String clusterName, List<String> datacenters, int nodesPerDatacenter,
                                                          String addressPrefix, int firstHost, int firstJmxPort,
                                                          String heap, boolean throwawayData, NodeSize size) {
        // Every node a seed: a node that is not one first asks a seed about the ring and gives up after the
        // ring delay (1 s here, to start fast), before seeds booting beside it on two cores can answer.
        // Seeds never bootstrap, which these fresh clusters (auto_bootstrap: false) do not anyway.
        List<String> seeds = new ArrayList<>();
        for (int index = 0; index < datacenters.size() * nodesPerDatacenter; index++) {
            seeds.add(addressPrefix + (firstHost + index));
        }
        List<CassandraNodeSettings> nodes = new ArrayList<>();
        for (int dc = 0; dc < datacenters.size(); dc++) {
            List<List<String>> tokens = VnodeTokens.forDatacenter(dc, nodesPerDatacenter, TOKENS_PER_NODE);
            for (int n = 0; n < nodesPerDatacenter; n++) {
                int index = dc * nodesPerDatacenter + n;
                nodes.add(new CassandraNodeSettings(clusterName, datacenters.get(dc) + "-" + (n + 1), addressPrefix + (firstHost + index),
                        CassandraEndpoint.DEFAULT_NATIVE_PORT, 17000, firstJmxPort + index, datacenters.get(dc), "rack1", seeds, heap,
                        throwawayData, size, tokens.get(n)));
            }
        }
        return List.copyOf(nodes);
    }

    /** The one node of `bin/shortener up`: full JIT, a larger heap. */
    public static CassandraNodeSettings local(String clusterName, String nodeName, String address, int jmxPort) {
        return new CassandraNodeSettings(clusterName, nodeName, address, CassandraEndpoint.DEFAULT_NATIVE_PORT,
                17000, jmxPort, "dc1", "rack1", List.of(address), "768m", false, NodeSize.LOCAL, List.of());
    }
}
