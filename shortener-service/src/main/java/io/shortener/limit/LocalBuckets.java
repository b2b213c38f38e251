package io.shortener.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Buckets in this process alone, as the shared ones would be if this were the only instance: what the
 * API's limits fall back to while Redis is away. Bounded in number; a bucket forgotten for room starts
 * full again, so an attacker who fills the table gains at most a fresh burst.
 */
public final class LocalBuckets implements Buckets {

    private final Cache<String, Bucket> buckets;
    private final Ticker ticker;

    public LocalBuckets(int maximumBuckets, Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().maximumSize(maximumBuckets).expireAfterAccess(Duration.ofMinutes(10)).ticker(ticker).build();
    }

    @Override
    public Take take(String name, Bandwidth bandwidth, long wanted) {
        Bucket bucket = buckets.get(name, ignored -> new Bucket(bandwidth.capacity(), ticker.read()));
        return bucket.take(bandwidth, wanted, ticker.read());
    }

    private static final class Bucket {
        private double tokens;
        private long atNanos;

        Bucket(double tokens, long atNanos) {
            this.tokens = tokens;
            this.atNanos = atNanos;
        }

        synchronized Take take(Bandwidth bandwidth, long wanted, long nowNanos) {
            double elapsedMicros = Math.max(0, nowNanos - atNanos) / 1000.0;
            tokens = Math.min(bandwidth.capacity(), tokens + elapsedMicros * bandwidth.ratePerMicro());
            atNanos = nowNanos;
            long granted = Math.min(wanted, (long) Math.floor(tokens));
            tokens -= granted;
            return new Take(granted, (long) Math.floor(tokens), millis(bandwidth.microsUntil(tokens, 1)),
                    millis(bandwidth.microsUntil(tokens, bandwidth.capacity())));
        }

        private static long millis(long micros) {
            return (micros + 999) / 1000;
        }
    }
}
