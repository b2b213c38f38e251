package io.shortener.devstack;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Explicit vnode tokens for the nodes of a cluster that start together. Cassandra's token allocator
 * ({@code allocate_tokens_for_local_replication_factor}) balances a node against the nodes already in
 * the ring, so it needs them started one after another (25–37 s for three here); nodes started at once
 * with no tokens would each pick at random. Instead every node of a datacenter gets every n-th of
 * {@code n × tokensPerNode} evenly spaced Murmur3 tokens: with NetworkTopologyStrategy each DC is a ring
 * of its own, so each node owns 1/n of its DC's data. Each DC's tokens are shifted by a few units so
 * that no two nodes of the cluster hold the same token.
 */
public final class VnodeTokens {

    private static final BigInteger RING = BigInteger.TWO.pow(64);
    private static final BigInteger MIN_TOKEN = BigInteger.TWO.pow(63).negate();

    private VnodeTokens() {
    }

    /** For each node of the datacenter numbered {@code datacenterIndex} (from 0), its tokens. */
    public static List<List<String>> forDatacenter(int datacenterIndex, int nodes, int tokensPerNode) {
        if (datacenterIndex < 0 || nodes < 1 || tokensPerNode < 1) {
            throw new IllegalArgumentException("a datacenter index from 0, at least one node and one token per node");
        }
        BigInteger step = RING.divide(BigInteger.valueOf((long) nodes * tokensPerNode));
        List<List<String>> tokens = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            List<String> own = new ArrayList<>();
            for (int k = 0; k < tokensPerNode; k++) {
                long slot = (long) k * nodes + node;
                own.add(MIN_TOKEN.add(step.multiply(BigInteger.valueOf(slot))).add(BigInteger.valueOf(datacenterIndex)).toString());
            }
            tokens.add(List.copyOf(own));
        }
        return List.copyOf(tokens);
    }
}
