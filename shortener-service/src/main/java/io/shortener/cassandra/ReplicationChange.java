package io.shortener.cassandra;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The keyspace's replication per datacenter as it is and as the configuration wants it. ALTER KEYSPACE
 * changes only where replicas should be, not where the data is: the new replicas of a DC whose factor
 * grew (or that was added) hold none of the existing rows until a full repair streams them, and the nodes
 * of a DC whose factor shrank keep rows they no longer own until a cleanup.
 */
public record ReplicationChange(String keyspace, Map<String, Integer> before, Map<String, Integer> after) {

    private static final String STRATEGY = "org.apache.cassandra.locator.NetworkTopologyStrategy";

    /** Both maps in datacenter order, so that the log and the ALTER statement read the same every time. */
    public ReplicationChange {
        before = Collections.unmodifiableSortedMap(new TreeMap<>(before));
        after = Collections.unmodifiableSortedMap(new TreeMap<>(after));
    }

    /**
     * The change from what {@code system_schema.keyspaces.replication} holds (its class and one entry per
     * DC) to the configured factors; empty when they are the same.
     */
    public static Optional<ReplicationChange> between(String keyspace, Map<String, String> current, Map<String, Integer> configured) {
        if (!STRATEGY.equals(current.get("class"))) {
            throw new IllegalStateException("keyspace " + keyspace + " uses " + current.get("class")
                    + ", not NetworkTopologyStrategy: change it by hand (and repair), the service will not");
        }
        SortedMap<String, Integer> before = new TreeMap<>();
        current.forEach((key, value) -> {
            if (!key.equals("class")) {
                before.put(key, Integer.parseInt(value));
            }
        });
        return before.equals(new TreeMap<>(configured)) ? Optional.empty() : Optional.of(new ReplicationChange(keyspace, before, configured));
    }

    /** The DCs whose new replicas must be filled by {@code nodetool repair -full}: factor grew, or the DC is new. */
    public TreeSet<String> needRepair() {
        return after.entrySet().stream().filter(dc -> dc.getValue() > before.getOrDefault(dc.getKey(), 0))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The DCs whose nodes keep rows they no longer own until {@code nodetool cleanup}: factor shrank, or the DC left. */
    public TreeSet<String> needCleanup() {
        return before.entrySet().stream().filter(dc -> dc.getValue() > after.getOrDefault(dc.getKey(), 0))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The replication map of an ALTER KEYSPACE, as the schema file writes it. */
    public String alterStatement() {
        return "ALTER KEYSPACE " + keyspace + " WITH replication = {'class': 'NetworkTopologyStrategy', "
                + CassandraSchema.replicationCql(after) + "}";
    }

    /** What an operator must do now, in a sentence for the log. */
    public String advice() {
        StringBuilder advice = new StringBuilder("replication of keyspace " + keyspace + " changed from " + before + " to " + after);
        if (!needRepair().isEmpty()) {
            advice.append("; run `nodetool repair -full ").append(keyspace).append("` on every node of ").append(needRepair())
                    .append(": until it has run there, their new replicas hold none of the existing links, and reads at LOCAL_QUORUM there may miss them");
        }
        if (!needCleanup().isEmpty()) {
            advice.append("; run `nodetool cleanup ").append(keyspace).append("` on every node of ").append(needCleanup())
                    .append(" to drop the rows they no longer own");
        }
        return advice.toString();
    }
}
