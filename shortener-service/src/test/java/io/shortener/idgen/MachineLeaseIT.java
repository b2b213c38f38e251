package io.shortener.idgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import io.shortener.devstack.junit.Await;
import io.shortener.TestApps;
import io.shortener.cassandra.CassandraSchema;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.snowflake.IdLayout;
import io.shortener.snowflake.SnowflakeSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Machine IDs leased in a real Cassandra: unique among live holders, free again after a dead holder's TTL, never used past the lease. */
@ExtendWith(RealCassandra.class)
@Tag("links")
class MachineLeaseIT {

    private static final String KEYSPACE = "it_leases";
    private static CqlSession session;

    private final List<MachineLease> started = new ArrayList<>();
    private final List<ScheduledExecutorService> schedulers = new ArrayList<>();

    @BeforeAll
    static void schema() {
        session = TestApps.cql();
        new CassandraSchema(KEYSPACE, Map.of("dc1", 1), Duration.ofSeconds(30)).apply(session);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @AfterEach
    void stopAll() {
        started.forEach(MachineLease::stop);
        schedulers.forEach(ScheduledExecutorService::shutdownNow);
        session.execute("TRUNCATE " + KEYSPACE + ".machine_leases");
    }

    @Test
    void instancesOfOneRegionHoldDifferentIdsAndTheirIdsStayUniqueOverMillions() throws Exception {
        List<MachineLease> leases = List.of(start(1, "a", 30, Clock.systemUTC()), start(1, "b", 30, Clock.systemUTC()),
                start(1, "c", 30, Clock.systemUTC()), start(1, "d", 30, Clock.systemUTC()));

        assertThat(leases.stream().map(MachineLease::machine).distinct()).hasSize(4);
        int perInstance = 500_000;
        long[] ids = new long[leases.size() * perInstance];
        List<Thread> issuers = new ArrayList<>();
        for (int i = 0; i < leases.size(); i++) {
            int offset = i * perInstance;
            MachineLease lease = leases.get(i);
            Thread issuer = new Thread(() -> {
                for (int n = 0; n < perInstance; n++) {
                    ids[offset + n] = lease.forLinks().nextId();
                }
            });
            issuer.start();
            issuers.add(issuer);
        }
        for (Thread issuer : issuers) {
            issuer.join();
        }
        Arrays.sort(ids);
        for (int i = 1; i < ids.length; i++) {
            assertThat(ids[i]).as("ID %d of %d", i, ids.length).isNotEqualTo(ids[i - 1]);
        }
        assertThat(IdLayout.DEFAULT.regionOf(ids[0])).isEqualTo(1);
    }

    @Test
    void anIdWhoseHolderDiedIsFreeAgainOnceItsLeaseRunsOut() {
        int ids = IdLayout.DEFAULT.maxMachine() + 1;
        List<MachineLease> holders = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            holders.add(start(2, "holder-" + i, 3, Clock.systemUTC()));
        }
        MachineLease dead = holders.get(7);
        int freed = dead.machine();
        // Dies: renews no more, gives nothing back.
        schedulers.get(7).shutdownNow();
        started.remove(dead);

        assertThatThrownBy(() -> lease(2, "latecomer", 3, Clock.systemUTC()).start()).as("all IDs held")
                .hasMessageContaining("no free Snowflake machine ID in region 2");
        AtomicReference<MachineLease> latecomer = new AtomicReference<>();
        Await.until("the dead holder's ID free again", Duration.ofSeconds(30), () -> {
            MachineLease candidate = lease(2, "latecomer", 3, Clock.systemUTC());
            try {
                candidate.start();
            } catch (IllegalStateException stillAllHeld) {
                return false;
            }
            latecomer.set(candidate);
            started.add(candidate);
            return true;
        });

        assertThat(latecomer.get().machine()).isEqualTo(freed);
    }

    @Test
    void anInstanceThatCouldNotRenewInTimeIssuesNoLinkIdUntilItDoes() {
        MutableClock clock = new MutableClock(Instant.now());
        MachineLease lease = start(3, "slow", 30, clock);
        long before = lease.forLinks().nextId();

        clock.advance(Duration.ofSeconds(28));

        assertThatThrownBy(lease::forLinks).isInstanceOf(IdsUnavailable.class).hasMessageContaining("no machine ID lease");
        assertThat(lease.forEvents().nextId()).as("click event IDs go on").isGreaterThan(before);
        lease.renewOrClaim();
        assertThat(lease.forLinks().nextId()).isGreaterThan(before);
    }

    private MachineLease start(int region, String holder, int ttlSeconds, Clock clock) {
        MachineLease lease = lease(region, holder, ttlSeconds, clock);
        lease.start();
        started.add(lease);
        return lease;
    }

    private MachineLease lease(int region, String holder, int ttlSeconds, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        schedulers.add(scheduler);
        return new MachineLease(session, KEYSPACE, new SnowflakeSettings(IdLayout.DEFAULT, SnowflakeSettings.DEFAULT_EPOCH, region, 0,
                Duration.ofMillis(10)), holder, Duration.ofSeconds(ttlSeconds), Duration.ofSeconds(2), scheduler, clock);
    }

    /** A clock the test moves: the lease's validity is judged by it, Cassandra's TTL is not. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
