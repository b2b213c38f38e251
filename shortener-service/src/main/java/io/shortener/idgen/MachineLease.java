package io.shortener.idgen;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.dropwizard.lifecycle.Managed;
import io.shortener.snowflake.SnowflakeGenerator;
import io.shortener.snowflake.SnowflakeSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Snowflake machine ID leased in Cassandra's {@code machine_leases}: claimed at start (a free ID of the
 * region, IF NOT EXISTS with a TTL), renewed every third of the TTL (IF this instance still holds it; a
 * failed renewal is tried again every second), given back on a clean stop. The lease counts as valid until the start of the last successful renewal
 * plus the TTL, less {@code clockSkew}: past that, another instance may have taken the ID, so new links
 * answer 503 until a renewal or a new claim succeeds. Transactions run at LOCAL_SERIAL (the session's).
 */
public final class MachineLease implements MachineIds, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(MachineLease.class);

    /** The ID held, when its lease was last renewed (asked for), and until when it may be used. */
    private record Held(int machine, SnowflakeGenerator generator, Instant renewedAt, Instant validUntil) {
    }

    /** How often the lease is looked at: a renewal that failed, or an ID lost, is tried again this soon. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement renew;
    private final PreparedStatement release;
    private final SnowflakeSettings base;
    private final String holder;
    private final Duration ttl;
    private final Duration clockSkew;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private volatile Held held;
    private volatile SnowflakeGenerator lastGenerator;

    public MachineLease(CqlSession session, String keyspace, SnowflakeSettings base, String holder, Duration ttl, Duration clockSkew,
                        ScheduledExecutorService scheduler, Clock clock) {
        this.session = session;
        String table = keyspace + ".machine_leases";
        this.claim = session.prepare("INSERT INTO " + table + " (region, machine, holder) VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?");
        this.renew = session.prepare("UPDATE " + table + " USING TTL ? SET holder = ? WHERE region = ? AND machine = ? IF holder = ?");
        this.release = session.prepare("DELETE FROM " + table + " WHERE region = ? AND machine = ? IF holder = ?");
        this.base = base;
        this.holder = holder;
        this.ttl = ttl;
        this.clockSkew = clockSkew;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Claims a free ID (or fails the start, naming the region, when all are held) and starts renewing it. */
    @Override
    public void start() {
        if (!claimAny()) {
            throw new IllegalStateException("no free Snowflake machine ID in region " + base.region() + ": all "
                    + (base.layout().maxMachine() + 1) + " are leased by live instances");
        }
        long tick = Math.min(TICK.toMillis(), ttl.toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        Held current = held;
        held = null;
        if (current != null) {
            try {
                session.execute(release.bind(base.region(), current.machine(), holder));
            } catch (DriverException e) {
                LOG.warn("machine ID {} not given back ({}); it is free again after its TTL", current.machine(), e.toString());
            }
        }
    }

    @Override
    public SnowflakeGenerator forLinks() {
        Held current = held;
        if (current == null || !clock.instant().isBefore(current.validUntil())) {
            throw new IdsUnavailable(base.region());
        }
        return current.generator();
    }

    @Override
    public SnowflakeGenerator forEvents() {
        SnowflakeGenerator generator = lastGenerator;
        if (generator == null) {
            throw new IdsUnavailable(base.region());
        }
        return generator;
    }

    @Override
    public int machine() {
        return forEvents().settings().machine();
    }

    /** Until when the lease held now may issue link IDs; empty when none is held. */
    public Optional<Instant> validUntil() {
        Held current = held;
        return current == null ? Optional.empty() : Optional.of(current.validUntil());
    }

    /** Whether the lease held now may issue link IDs at {@code now}. */
    public boolean isValidAt(Instant now) {
        return validUntil().map(now::isBefore).orElse(false);
    }

    /** How long the lease held now still issues link IDs after {@code now}; zero when it does not. */
    public Duration remainingAt(Instant now) {
        return validUntil().filter(now::isBefore).map(until -> Duration.between(now, until)).orElse(Duration.ZERO);
    }

    public int region() {
        return base.region();
    }

    /** Renews every third of the TTL; after a failed renewal (or with no ID) at every tick, until it succeeds. */
    private void tick() {
        Held current = held;
        if (current == null || !clock.instant().isBefore(current.renewedAt().plus(ttl.dividedBy(3)))) {
            renewOrClaim();
        }
    }

    void renewOrClaim() {
        Held current = held;
        Instant asked = clock.instant();
        try {
            if (current != null && session.execute(renew.bind((int) ttl.toSeconds(), holder, base.region(), current.machine(), holder)).wasApplied()) {
                held = new Held(current.machine(), current.generator(), asked, validUntil(asked));
                return;
            }
            if (current != null) {
                LOG.warn("machine ID {} of region {} is no longer this instance's (its lease ran out); claiming one again",
                        current.machine(), base.region());
                held = null;
            }
            if (!claimAny()) {
                LOG.warn("no free machine ID in region {}: links cannot be created here until one is free", base.region());
            }
        } catch (DriverException e) {
            LOG.warn("machine ID lease not renewed ({}); valid until {}", e.toString(), current == null ? "-" : current.validUntil());
        }
    }

    private boolean claimAny() {
        List<Integer> machines = new ArrayList<>();
        for (int machine = 0; machine <= base.layout().maxMachine(); machine++) {
            machines.add(machine);
        }
        // In a random order: instances starting together would otherwise all contend for ID 0 first.
        Collections.shuffle(machines);
        for (int machine : machines) {
            Instant asked = clock.instant();
            if (session.execute(claim.bind(base.region(), machine, holder, (int) ttl.toSeconds())).wasApplied()) {
                // The same ID again keeps its generator: a fresh one would start its sequence over within a millisecond the old one used.
                SnowflakeGenerator last = lastGenerator;
                SnowflakeGenerator generator = last != null && last.settings().machine() == machine ? last
                        : new SnowflakeGenerator(new SnowflakeSettings(base.layout(), base.epoch(), base.region(), machine, base.maxClockBackwards()));
                lastGenerator = generator;
                held = new Held(machine, generator, asked, validUntil(asked));
                LOG.info("leased Snowflake machine ID {} in region {} for {} s at a time", machine, base.region(), ttl.toSeconds());
                return true;
            }
        }
        return false;
    }

    private Instant validUntil(Instant asked) {
        return asked.plus(ttl).minus(clockSkew);
    }
}
