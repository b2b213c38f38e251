package io.shortener.idgen;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Instant;

/**
 * The machine ID lease: healthy while it is valid. Past it the instance still redirects (so it stays
 * healthy for a load balancer) but creates no link, which it reports as degraded.
 */
public final class MachineLeaseHealthCheck extends HealthCheck {

    private final MachineLease lease;
    private final Clock clock;

    public MachineLeaseHealthCheck(MachineLease lease, Clock clock) {
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        Instant now = clock.instant();
        if (!lease.isValidAt(now)) {
            return Result.builder().healthy().withDetail("degraded", true)
                    .withMessage("degraded: no valid machine ID lease in region %d; links cannot be created here", lease.region())
                    .build();
        }
        return Result.builder().healthy().withDetail("degraded", false).withDetail("machine", lease.machine())
                .withMessage("machine ID %d of region %d, leased for %d s more", lease.machine(), lease.region(),
                        lease.remainingAt(now).toSeconds())
                .build();
    }
}
