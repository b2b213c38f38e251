package io.shortener.cassandra;

import com.codahale.metrics.health.HealthCheck;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;

/** Healthy when a node of the local datacenter answers a query within a second. */
public final class CassandraHealthCheck extends HealthCheck {

    private static final SimpleStatement PROBE = SimpleStatement
            .newInstance("SELECT release_version, data_center FROM system.local")
            .setTimeout(Duration.ofSeconds(1));

    private final CqlSession session;

    public CassandraHealthCheck(CqlSession session) {
        this.session = session;
    }

    @Override
    protected Result check() {
        Row row = session.execute(PROBE).one();
        if (row == null) {
            return Result.unhealthy("system.local returned no row");
        }
        return Result.healthy("Cassandra %s, datacenter %s", row.getString("release_version"), row.getString("data_center"));
    }
}
