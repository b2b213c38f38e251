package io.shortener.limit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.shortener.cache.RedisConnection;
import io.shortener.cache.RedisScript;
import java.util.List;

/**
 * Buckets in the Redis Cluster, shared by every instance: one script call per take, atomic on the node
 * that holds the bucket. Throws what Redis throws (and the breaker's refusal while it is open); callers
 * decide what a limit without Redis means.
 */
public final class RedisBuckets implements Buckets {

    static final RedisScript SCRIPT = RedisScript.of(RedisBuckets.class, "take-tokens.lua");

    private final RedisConnection redis;
    private final CircuitBreaker breaker;
    private final String prefix;

    public RedisBuckets(RedisConnection redis, CircuitBreaker breaker, String prefix) {
        this.redis = redis;
        this.breaker = breaker;
        this.prefix = prefix;
    }

    @Override
    public Take take(String name, Bandwidth bandwidth, long wanted) {
        List<String> keys = List.of(prefix + name);
        List<String> args = List.of(Long.toString(bandwidth.capacity()), Long.toString(bandwidth.refill()),
                Long.toString(bandwidth.periodMicros()), Long.toString(wanted));
        List<?> reply = (List<?>) breaker.executeSupplier(() -> SCRIPT.run(redis, keys, args));
        return new Take((Long) reply.get(0), (Long) reply.get(1), (Long) reply.get(2), (Long) reply.get(3));
    }
}
