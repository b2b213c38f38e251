package io.shortener.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code cassandra/schema.cql} (carried in the jar) with this deployment's keyspace and
 * replication. Every statement is IF NOT EXISTS, so applying it at every start-up is safe; a keyspace
 * whose replication differs from the configuration's is altered to it (see {@link ReplicationChange}).
 */
public final class CassandraSchema {

    private static final String RESOURCE = "schema.cql";
    private static final int ATTEMPTS = 5;
    static final int AGREEMENT_CHECKS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(CassandraSchema.class);

    private final String keyspace;
    private final Map<String, Integer> replication;
    private final Duration timeout;

    public CassandraSchema(String keyspace, Map<String, Integer> replication, Duration timeout) {
        this.keyspace = keyspace;
        this.replication = Map.copyOf(replication);
        this.timeout = timeout;
    }

    /**
     * Creates what is missing, and brings the keyspace's replication to the configured one when the
     * topology changed (a DC added, a factor raised): returns that change, whose repair the caller must ask for.
     */
    public Optional<ReplicationChange> apply(CqlSession session) {
        // The driver answers a schema change only after refreshing its schema metadata, which it debounces for a
        // second: a dozen statements on a new keyspace took over ten seconds. Off meanwhile, refreshed once after.
        session.setSchemaMetadataEnabled(false);
        try {
            for (String statement : statements()) {
                execute(session, statement);
            }
        } finally {
            // Back to the configuration's setting; the refresh this starts brings the token map along, meanwhile
            // requests are routed without it.
            session.setSchemaMetadataEnabled(null);
        }
        Map<String, String> current = session.execute(SimpleStatement.newInstance(
                        "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace).setTimeout(timeout))
                .one().getMap("replication", String.class, String.class);
        Optional<ReplicationChange> change = ReplicationChange.between(keyspace, current, replication);
        change.ifPresent(alter -> session.execute(SimpleStatement.newInstance(alter.alterStatement()).setTimeout(timeout)));
        awaitAgreement(keyspace, session::checkSchemaAgreement, () -> schemaVersions(session));
        return change;
    }

    /**
     * Up to AGREEMENT_CHECKS checks, each of which waits up to the schema timeout. A fresh cluster of six nodes on
     * two shared cores was seen to stay apart for over a minute after the keyspace was made: one check (30 s) was
     * not enough, and the start-up failed on a schema every node was about to have.
     */
    static void awaitAgreement(String keyspace, BooleanSupplier agreed, Supplier<String> versions) {
        for (int check = 1; !agreed.getAsBoolean(); check++) {
            if (check == AGREEMENT_CHECKS) {
                throw new IllegalStateException("the Cassandra nodes did not agree on the schema of keyspace " + keyspace
                        + " after " + AGREEMENT_CHECKS + " checks; schema versions: " + versions.get());
            }
            LOG.warn("the Cassandra nodes do not agree on the schema of keyspace {} yet (check {} of {}; schema versions: {})",
                    keyspace, check, AGREEMENT_CHECKS, versions.get());
        }
    }

    /**
     * Each node's schema version as one coordinator sees it, for the operator who must find the node that lags: both
     * queries go to the same node, since another coordinator's peers would leave one node out and list another twice.
     */
    private String schemaVersions(CqlSession session) {
        try {
            Map<String, String> versions = new TreeMap<>();
            ResultSet localRows = session.execute(SimpleStatement.newInstance("SELECT broadcast_address, schema_version FROM system.local")
                    .setTimeout(timeout));
            Row local = localRows.one();
            if (local == null) {
                return "unknown (system.local answered no row)";
            }
            Node coordinator = localRows.getExecutionInfo().getCoordinator();
            versions.put(String.valueOf(local.getInetAddress(0)), String.valueOf(local.getUuid(1)));
            for (Row peer : session.execute(SimpleStatement.newInstance("SELECT peer, schema_version FROM system.peers")
                    .setNode(coordinator).setTimeout(timeout))) {
                versions.put(String.valueOf(peer.getInetAddress(0)), String.valueOf(peer.getUuid(1)));
            }
            return versions.toString();
        } catch (DriverException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * One schema statement, sent again should its answer not come in time, or should its coordinator not know
     * yet the keyspace an earlier statement made. On a loaded cluster (six nodes on two shared cores, in the
     * tests) a schema change was seen to take over 30 s to be acknowledged, and a node that had only just
     * joined the others' gossip answered "Keyspace 'regions' doesn't exist" right after the keyspace was made
     * and agreed on by the nodes the driver knew up. Every statement is IF NOT EXISTS, so one that did apply is
     * a no-op the second time.
     */
    private void execute(CqlSession session, String statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                session.execute(SimpleStatement.newInstance(statement).setTimeout(timeout));
                return;
            } catch (DriverTimeoutException | InvalidQueryException e) {
                if (attempt == ATTEMPTS || (e instanceof InvalidQueryException invalid && !notYetKnownThere(invalid))) {
                    throw e;
                }
                LOG.warn("schema statement not applied (attempt {} of {}: {}); waiting for schema agreement, then sending it again: {}",
                        attempt, ATTEMPTS, e.getMessage(), statement.lines().findFirst().orElse(statement));
                session.checkSchemaAgreement();
                pause(Duration.ofSeconds(attempt));
            }
        }
    }

    /** The coordinator's answer when a keyspace or table made a moment ago has not reached it yet. */
    static boolean notYetKnownThere(InvalidQueryException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("doesn't exist") || message.contains("does not exist") || message.startsWith("unconfigured table");
    }

    private static void pause(Duration duration) {
        try {
            // Gossip spreads the schema in its own time; agreement among the nodes the driver sees up may come first.
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the schema was applied", e);
        }
    }

    List<String> statements() {
        String replicationCql = replicationCql(replication);
        String withoutComments = Arrays.stream(read().split("\n"))
                .map(CassandraSchema::stripComment)
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .map(statement -> statement.replace("{{keyspace}}", keyspace).replace("{{replication}}", replicationCql))
                .toList();
    }

    /** The replication factors of a NetworkTopologyStrategy map in CQL, in datacenter order: {@code 'eu-west': 3, 'us-east': 3}. */
    static String replicationCql(Map<String, Integer> factors) {
        return factors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> "'" + entry.getKey() + "': " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String stripComment(String line) {
        int comment = line.indexOf("--");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static String read() {
        try (InputStream in = CassandraSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
