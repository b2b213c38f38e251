package io.shortener.link;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.shortener.cassandra.CqlReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code link_changes} table: changes by minute, written where they happen, read by every region. */
public final class LinkChanges {

    private static final long MINUTE_MILLIS = 60_000;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement since;

    public LinkChanges(CqlSession session, String keyspace) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO " + keyspace + ".link_changes (minute, changed_at, code, change) VALUES (?, ?, ?, ?)");
        this.since = CqlReads.prepare(session, "SELECT changed_at, code, change FROM " + keyspace + ".link_changes WHERE minute = ? AND changed_at >= ?");
    }

    BoundStatement insert(LinkChange change) {
        return insert.bind(minuteOf(change.at()), change.at(), change.code(), change.kind().name().toLowerCase(Locale.ROOT))
                .setIdempotent(true);
    }

    void record(LinkChange change) {
        session.execute(insert(change));
    }

    /** The changes from {@code from} on, oldest first: one read per minute partition up to {@code to}. */
    public List<LinkChange> between(Instant from, Instant to) {
        List<LinkChange> changes = new ArrayList<>();
        for (long minute = minuteOf(from); minute <= minuteOf(to); minute++) {
            for (Row row : session.execute(since.bind(minute, from))) {
                changes.add(new LinkChange(row.getString("code"), row.getInstant("changed_at"),
                        LinkChange.Kind.valueOf(row.getString("change").toUpperCase(Locale.ROOT))));
            }
        }
        return changes;
    }

    private static long minuteOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), MINUTE_MILLIS);
    }
}
