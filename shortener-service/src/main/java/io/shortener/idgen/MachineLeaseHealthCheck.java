package io.shortener.idgen;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
        Optional<Instant> validUntil = lease.validUntil();
        Instant now = clock.instant();
        if (validUntil.isEmpty() || !now.isBefore(validUntil.get())) {
            return Result.builder().healthy().withDetail("degraded", true)
                    .withMessage("degraded: no valid machine ID lease in region %d; links cannot be created here", lease.region())
                    .build();
        }
        return Result.builder().healthy().withDetail("degraded", false).withDetail("machine", lease.machine())
                .withMessage("machine ID %d of region %d, leased for %d s more", lease.machine(), lease.region(),
                        Duration.between(now, validUntil.get()).toSeconds())
                .build();
    }
}
