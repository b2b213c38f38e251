package io.shortener.cassandra;

import com.codahale.metrics.health.HealthCheck;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.time.Duration;

/**
 * Healthy when a node answers a query within a second. Answered by a node of another datacenter (the
 * local one is down and the driver has failed over), the service still serves, so it stays healthy and
 * says it is degraded: a load balancer keeps it, an operator sees why.
 */
public final class CassandraHealthCheck extends HealthCheck {

    private static final SimpleStatement PROBE = SimpleStatement
            .newInstance("SELECT release_version, data_center FROM system.local")
            .setTimeout(Duration.ofSeconds(1));

    private final CqlSession session;
    private final String localDatacenter;

    public CassandraHealthCheck(CqlSession session, String localDatacenter) {
        this.session = session;
        this.localDatacenter = localDatacenter;
    }

    @Override
    protected Result check() {
        Row row = session.execute(PROBE).one();
        if (row == null) {
            return Result.unhealthy("system.local returned no row");
        }
        String answeredBy = row.getString("data_center");
        long localUp = session.getMetadata().getNodes().values().stream()
                .filter(node -> localDatacenter.equals(node.getDatacenter()) && node.getState() == NodeState.UP).count();
        if (!localDatacenter.equals(answeredBy) || localUp == 0) {
            return Result.builder().healthy().withDetail("degraded", true).withDetail("servingDatacenter", answeredBy)
                    .withMessage("degraded: no node of datacenter %s is up; failed over to datacenter %s", localDatacenter, answeredBy)
                    .build();
        }
        return Result.builder().healthy().withDetail("degraded", false).withDetail("servingDatacenter", answeredBy)
                .withMessage("Cassandra %s, datacenter %s, %d of its nodes up", row.getString("release_version"), answeredBy, localUp)
                .build();
    }
}
