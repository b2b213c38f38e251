package io.shortener.stats;

import com.codahale.metrics.health.HealthCheck;
import java.sql.SQLException;

/**
 * ClickHouse answers the stats API only: without it redirects and links work, so the instance reports
 * itself degraded rather than unhealthy and stays in the load balancer.
 */
public final class ClickHouseHealthCheck extends HealthCheck {

    private final ClickStatsRepository clicks;

    public ClickHouseHealthCheck(ClickStatsRepository clicks) {
        this.clicks = clicks;
    }

    @Override
    protected Result check() {
        try {
            clicks.ping();
            return Result.healthy("ClickHouse answers");
        } catch (SQLException e) {
            return Result.healthy("DEGRADED: ClickHouse does not answer (" + e.getMessage() + "); the stats API answers 503");
        }
    }
}
