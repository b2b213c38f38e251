package io.shortener.safety;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.shortener.cassandra.CqlReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The blocklist table: one partition per kind ({@code domain}, {@code link}) with a static version. */
public final class BlocklistStore {

    static final String DOMAIN = "domain";
    static final String LINK = "link";

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement bumpVersion;
    private final PreparedStatement selectVersion;
    private final PreparedStatement selectKind;

    public BlocklistStore(CqlSession session, String keyspace) {
        this.session = session;
        String table = keyspace + ".blocklist";
        this.insert = session.prepare("INSERT INTO " + table + " (kind, value, reason, added_by, added_at, version) VALUES (?, ?, ?, ?, ?, now())");
        this.delete = session.prepare("DELETE FROM " + table + " WHERE kind = ? AND value = ?");
        this.bumpVersion = session.prepare("UPDATE " + table + " SET version = now() WHERE kind = ?");
        this.selectVersion = CqlReads.prepare(session, "SELECT version FROM " + table + " WHERE kind = ? LIMIT 1");
        this.selectKind = CqlReads.prepare(session, "SELECT value, reason, added_by, added_at FROM " + table + " WHERE kind = ?");
    }

    void add(String kind, BlockedEntry entry) {
        session.execute(insert.bind(kind, entry.value(), entry.reason(), entry.addedBy(), entry.addedAt()));
    }

    void remove(String kind, String value) {
        // One partition: applied together.
        session.execute(BatchStatement.newInstance(DefaultBatchType.UNLOGGED, delete.bind(kind, value), bumpVersion.bind(kind)));
    }

    /** The kind's version, or null while it has never had an entry. */
    UUID version(String kind) {
        Row row = session.execute(selectVersion.bind(kind)).one();
        return row == null ? null : row.getUuid("version");
    }

    List<BlockedEntry> entries(String kind) {
        List<BlockedEntry> entries = new ArrayList<>();
        for (Row row : session.execute(selectKind.bind(kind))) {
            if (row.getString("value") == null) {
                // A partition whose entries are all gone still has its static version.
                continue;
            }
            Instant addedAt = row.getInstant("added_at");
            entries.add(new BlockedEntry(row.getString("value"), row.getString("reason"), row.getString("added_by"), addedAt));
        }
        return entries;
    }
}
