package io.shortener.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.util.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalBucketsTest {

    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L);
    private final LocalBuckets buckets = new LocalBuckets(1000, nanos::get);
    private final Bandwidth fivePerSecond = new Bandwidth(10, 5, Duration.seconds(1));

    @Test
    void aNewBucketIsFullAndGrantsItsCapacityThenNothing() {
        assertThat(buckets.take("a", fivePerSecond, 10).granted()).isEqualTo(10);

        Take empty = buckets.take("a", fivePerSecond, 1);

        assertThat(empty.granted()).isZero();
        assertThat(empty.nextTokenMillis()).isEqualTo(200);
        assertThat(empty.fullMillis()).isEqualTo(2000);
    }

    @Test
    void refillsContinuouslyAtItsRateUpToItsCapacity() {
        buckets.take("a", fivePerSecond, 10);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));

        assertThat(buckets.take("a", fivePerSecond, 5).granted()).as("two tokens after 400 ms").isEqualTo(2);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertThat(buckets.take("a", fivePerSecond, 100).granted()).as("never more than the capacity").isEqualTo(10);
    }

    @Test
    void bucketsByNameAreIndependent() {
        buckets.take("a", fivePerSecond, 10);

        assertThat(buckets.take("b", fivePerSecond, 1).remaining()).isEqualTo(9);
    }
}
