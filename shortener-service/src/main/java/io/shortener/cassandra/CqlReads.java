package io.shortener.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * How the service prepares a read. A read changes nothing, so its statements are marked idempotent: the driver
 * then sends a read again through the next coordinator when the connection it went out on closes under it (a
 * node killed mid-request), instead of failing it. Left unmarked, such a read failed a create with 503 the
 * moment a region's datacenter was killed (TwoRegionsIT, "ClosedConnectionException: Unexpected error on
 * channel"), while every write of the create, marked idempotent, would have been sent again.
 */
public final class CqlReads {

    private CqlReads() {
    }

    /** Prepares a SELECT whose bound statements are idempotent (the driver carries the mark to them). */
    public static PreparedStatement prepare(CqlSession session, String select) {
        return session.prepare(statement(select));
    }

    static SimpleStatement statement(String select) {
        if (!select.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
            throw new IllegalArgumentException("not a read: " + select);
        }
        return SimpleStatement.newInstance(select).setIdempotent(true);
    }
}
