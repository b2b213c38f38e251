package io.shortener.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Meter;
import io.dropwizard.util.Duration;
import io.shortener.client.ClientRanges;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The lease arithmetic against a bucket of this process standing in for Redis (the real one: LimitsIT). */
class RedirectLimitsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<Long> asked = new ArrayList<>();
    private final LocalBuckets bucket = new LocalBuckets(1000, nanos::get);
    private boolean redisDown;
    private final Buckets shared = (name, bandwidth, wanted) -> {
        if (redisDown) {
            throw new JedisConnectionException("down");
        }
        asked.add(wanted);
        return bucket.take(name, bandwidth, wanted);
    };
    private final InetAddress client = InetAddress.getLoopbackAddress();

    @Test
    void theFirstLeaseIsOnCreditAndTheNextRedirectSettlesItWithTheNextLease() {
        RedirectLimits limits = limits(100, 10, "");

        for (int i = 0; i < 10; i++) {
            assertThat(limits.admitLocally(client)).isEqualTo(RedirectLimits.Verdict.ADMIT);
        }
        assertThat(asked).as("no Redis call for the first lease").isEmpty();
        assertThat(limits.admitLocally(client)).isEqualTo(RedirectLimits.Verdict.ASK);

        assertThat(limits.admit(client)).as("admitted").isNull();
        assertThat(asked).containsExactly(20L);
        for (int i = 0; i < 9; i++) {
            assertThat(limits.admitLocally(client)).as("the rest of the paid lease").isEqualTo(RedirectLimits.Verdict.ADMIT);
        }
        assertThat(limits.admitLocally(client)).isEqualTo(RedirectLimits.Verdict.ASK);

        assertThat(limits.admit(client)).isNull();
        assertThat(asked).as("the next lease twice the first").containsExactly(20L, 20L);
    }

    @Test
    void anEmptyBucketRefusesUntilItsNextTokenWithoutAskingAgain() {
        RedirectLimits limits = limits(15, 10, "");
        for (int i = 0; i < 10; i++) {
            limits.admitLocally(client);
        }
        assertThat(limits.admit(client)).isNull();
        for (int i = 0; i < 4; i++) {
            assertThat(limits.admitLocally(client)).isEqualTo(RedirectLimits.Verdict.ADMIT);
        }

        RateLimit refusal = limits.admit(client);

        assertThat(refusal).isNotNull();
        assertThat(refusal.admitted()).isFalse();
        assertThat(refusal.limit()).isEqualTo(15);
        assertThat(refusal.retryAfterSeconds()).isEqualTo(1);
        assertThat(limits.admitLocally(client)).isEqualTo(RedirectLimits.Verdict.REFUSE);
        assertThat(asked).hasSize(2);
    }

    @Test
    void redisAwayAdmitsEverything() {
        RedirectLimits limits = limits(15, 10, "");
        for (int i = 0; i < 10; i++) {
            limits.admitLocally(client);
        }
        redisDown = true;

        assertThat(limits.admit(client)).isNull();
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.admitLocally(client)).isEqualTo(RedirectLimits.Verdict.ADMIT);
        }
    }

    @Test
    void exemptClientsAreNeverCounted() {
        RedirectLimits limits = limits(1, 1, "127.0.0.0/8");

        for (int i = 0; i < 100; i++) {
            assertThat(limits.admitLocally(client)).isEqualTo(RedirectLimits.Verdict.ADMIT);
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void unknownCodesAreRefusedOnceTheirBucketIsEmpty() {
        RedirectLimits limits = limits(100, 10, "");

        for (int i = 0; i < 4; i++) {
            limits.unknownCode(client);
            assertThat(limits.unknownCodesRefused(client)).isNull();
        }
        limits.unknownCode(client);

        assertThat(limits.unknownCodesRefused(client)).as("five tokens spent").isNotNull();
        nanos.addAndGet(1_000_000_000L);
        assertThat(limits.unknownCodesRefused(client)).as("a token later").isNull();
    }

    private RedirectLimits limits(long capacity, int lease, String exempt) {
        RedirectLimitsConfiguration config = new RedirectLimitsConfiguration(new Bandwidth(capacity, 1, Duration.seconds(1)), lease,
                Duration.seconds(1), new Bandwidth(5, 1, Duration.seconds(1)));
        return new RedirectLimits(shared, config, ClientRanges.parse(exempt), 1000, nanos::get, new Meter(), new Meter());
    }
}
