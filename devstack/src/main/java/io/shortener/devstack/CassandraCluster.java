package io.shortener.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The nodes of one local Cassandra cluster, in one or more datacenters, launched together and then
 * awaited, with explicit tokens (see {@link VnodeTokens}): six small nodes in two DCs were ready in about
 * 40 s on two cores here; one after another, each waits for the ring before it takes its tokens.
 */
public final class CassandraCluster {

    private final List<CassandraNode> nodes;

    public CassandraCluster(ProjectHome home, Path stackDir, List<CassandraNodeSettings> settings) {
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("a cluster of no nodes");
        }
        this.nodes = settings.stream().map(node -> new CassandraNode(home, stackDir, node)).toList();
    }

    public List<CassandraNode> nodes() {
        return nodes;
    }

    /** The nodes of one datacenter. */
    public List<CassandraNode> datacenter(String name) {
        return nodes.stream().filter(node -> node.settings().datacenter().equals(name)).toList();
    }

    /** Starts every node (ending any leftovers of ours first), all at once, and waits until each answers CQL. */
    public List<LocalProcess> start() {
        stop();
        return restart(nodes);
    }

    /** Starts some of the nodes again on their data (a datacenter brought back), all at once, and waits until each answers CQL. */
    public List<LocalProcess> restart(List<CassandraNode> some) {
        List<LocalProcess> launched = some.stream().map(CassandraNode::launch).toList();
        List<LocalProcess> ready = new ArrayList<>();
        for (int i = 0; i < some.size(); i++) {
            ready.add(some.get(i).awaitCql(launched.get(i)));
        }
        return ready;
    }

    /**
     * The running nodes if all of them run; otherwise the cluster starts again as a whole, on the data
     * already on disk (a node left alone would wait for the others' gossip anyway).
     */
    public List<LocalProcess> ensureRunning() {
        List<Optional<LocalProcess>> running = nodes.stream().map(CassandraNode::running).toList();
        if (running.stream().allMatch(Optional::isPresent)) {
            List<LocalProcess> ready = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                ready.add(nodes.get(i).awaitCql(running.get(i).get()));
            }
            return ready;
        }
        return start();
    }

    /** Stops every node of ours still running, all at once (a clean stop takes ~7 s a node); true if any was. */
    public boolean stop() {
        List<CompletableFuture<Boolean>> stops = nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(node::stop, runnable -> new Thread(runnable, "stop " + node.settings().nodeName()).start()))
                .toList();
        return stops.stream().map(CompletableFuture::join).reduce(false, Boolean::logicalOr);
    }

    public void wipe() {
        nodes.forEach(CassandraNode::wipe);
    }

    /** nodetool against the first node that runs: {@code status} there shows every node of every DC. */
    public String nodetool(List<String> arguments) {
        return nodes.stream().filter(node -> node.running().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Cassandra node of this stack runs: bin/shortener up first"))
                .nodetool(arguments);
    }
}
