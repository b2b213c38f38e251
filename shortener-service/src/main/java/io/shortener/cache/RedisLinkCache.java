package io.shortener.cache;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The shared level (L2): links and absent codes in a Redis Cluster, cache-aside. Every call goes through
 * the circuit breaker, and no call ever fails its caller: a Redis problem is a miss, counted in
 * {@code cache.l2.errors}, and the redirect is answered from Cassandra.
 */
public final class RedisLinkCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLinkCache.class);

    private final RedisConnection connection;
    private final CircuitBreaker breaker;
    private final LinkCodec codec;
    private final CacheTtl ttl;
    private final String keyPrefix;
    private final String channel;
    private final CacheMetrics metrics;
    private final Clock clock;

    public RedisLinkCache(RedisConnection connection, CircuitBreaker breaker, LinkCodec codec, RedisCacheFactory config,
                          CacheMetrics metrics, Clock clock) {
        this.connection = connection;
        this.breaker = breaker;
        this.codec = codec;
        this.ttl = config.ttl();
        this.keyPrefix = config.getKeyPrefix();
        this.channel = config.getInvalidationChannel();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The entry Redis holds for this code; empty on a miss and whenever Redis cannot answer. */
    public Optional<CacheEntry> get(String code) {
        Optional<CacheEntry> entry = guarded("get", () -> connection.client().get(keyPrefix + code)).flatMap(codec::decode);
        if (entry.isEmpty()) {
            metrics.redisMisses.inc();
        } else if (entry.get().isAbsent()) {
            metrics.redisNegativeHits.inc();
        } else {
            metrics.redisHits.inc();
        }
        return entry;
    }

    public void put(String code, CacheEntry entry) {
        Duration keep = ttl.of(entry, clock);
        if (keep.isZero() || keep.isNegative()) {
            return;
        }
        guarded("set", () -> connection.client().set(keyPrefix + code, codec.encode(entry), SetParams.setParams().px(keep.toMillis())));
    }

    /** Removes the code from Redis and tells every instance to drop it from its L1. */
    public void evictEverywhere(String code) {
        evict(code);
        guarded("publish", () -> connection.client().publish(channel, code));
    }

    /** Removes the code from Redis only. */
    public void evict(String code) {
        guarded("del", () -> connection.client().del(keyPrefix + code));
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private <T> Optional<T> guarded(String operation, Supplier<T> call) {
        try {
            return Optional.ofNullable(breaker.executeSupplier(call));
        } catch (CallNotPermittedException e) {
            // The breaker is open: Redis is not even asked.
            return Optional.empty();
        } catch (JedisException e) {
            metrics.redisErrors.inc();
            LOG.debug("Redis {} failed: {}", operation, e.toString());
            return Optional.empty();
        }
    }
}
