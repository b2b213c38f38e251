package io.shortener.link;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.Optional;

/**
 * Links in Cassandra's {@code links} table, one partition per code. Statements are prepared once; the
 * session's defaults make them LOCAL_QUORUM (and LOCAL_SERIAL for the conditional ones).
 */
public final class CassandraLinkStore implements LinkStore {

    private static final String COLUMNS = "code, id, url, created_at, expires_at, redirect_type, custom_alias";

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement claim;
    private final PreparedStatement select;
    private final PreparedStatement markDeleted;

    public CassandraLinkStore(CqlSession session, String keyspace) {
        this.session = session;
        String table = keyspace + ".links";
        String values = " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
        this.insert = session.prepare("INSERT INTO " + table + values);
        // Alias claims race each other: a lightweight transaction lets exactly one of them win.
        this.claim = session.prepare("INSERT INTO " + table + values + " IF NOT EXISTS");
        this.select = session.prepare("SELECT " + COLUMNS + ", deleted_at FROM " + table + " WHERE code = ?");
        this.markDeleted = session.prepare("UPDATE " + table + " SET deleted_at = ?, url = null WHERE code = ? IF deleted_at = null");
    }

    @Override
    public void insert(Link link) {
        session.execute(bind(insert, link).setIdempotent(true));
    }

    @Override
    public boolean claim(Link link) {
        return session.execute(bind(claim, link)).wasApplied();
    }

    @Override
    public Optional<Link> find(String code) {
        Row row = session.execute(select.bind(code).setIdempotent(true)).one();
        if (row == null || row.getInstant("deleted_at") != null || row.getString("url") == null) {
            return Optional.empty();
        }
        return Optional.of(new Link(
                row.getString("code"),
                row.getLong("id"),
                row.getString("url"),
                row.getInstant("created_at"),
                row.getInstant("expires_at"),
                RedirectType.ofStatus(row.getInt("redirect_type")).orElse(RedirectType.FOUND),
                row.getBoolean("custom_alias")));
    }

    @Override
    public boolean delete(String code, Instant at) {
        // Read first: the conditional update below would otherwise create a row for a code never issued.
        if (find(code).isEmpty()) {
            return false;
        }
        return session.execute(markDeleted.bind(at, code)).wasApplied();
    }

    private static BoundStatement bind(PreparedStatement statement, Link link) {
        BoundStatementBuilder builder = statement.boundStatementBuilder()
                .setString("code", link.code())
                .setLong("id", link.id())
                .setString("url", link.url())
                .setInstant("created_at", link.createdAt())
                .setInt("redirect_type", link.redirectType().status())
                .setBoolean("custom_alias", link.customAlias());
        if (link.expiresAt() != null) {
            // Left unset otherwise: binding null would write a tombstone into every link that never expires.
            builder.setInstant("expires_at", link.expiresAt());
        }
        return builder.build();
    }
}
