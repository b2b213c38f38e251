package io.shortener.limit;

import com.codahale.metrics.Meter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The shared buckets, or while Redis cannot answer, this instance's own: a limit still holds per
 * instance (N instances admit up to N times it) rather than failing open or refusing everyone.
 */
public final class FallbackBuckets implements Buckets {

    private final Buckets shared;
    private final Buckets local;
    private final Meter fallbacks;

    public FallbackBuckets(Buckets shared, Buckets local, Meter fallbacks) {
        this.shared = shared;
        this.local = local;
        this.fallbacks = fallbacks;
    }

    @Override
    public Take take(String name, Bandwidth bandwidth, long wanted) {
        try {
            return shared.take(name, bandwidth, wanted);
        } catch (JedisException | CallNotPermittedException e) {
            fallbacks.mark();
            return local.take(name, bandwidth, wanted);
        }
    }
}
