package io.shortener.cache;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * The cache's counters, under {@code cache.*} in Dropwizard's /metrics: per level, hits, negative hits
 * (an absent code answered from the cache) and misses; L1's background refreshes; Redis errors; and the
 * Cassandra loads behind every miss of both levels, timed.
 */
public final class CacheMetrics {

    final Counter localHits;
    final Counter localNegativeHits;
    final Counter localMisses;
    final Counter localRefreshes;
    final Counter redisHits;
    final Counter redisNegativeHits;
    final Counter redisMisses;
    final Counter redisErrors;
    final Counter invalidationsReceived;
    final Counter crossRegionInvalidations;
    final Timer cassandraLoads;

    public CacheMetrics(MetricRegistry registry) {
        localHits = registry.counter("cache.l1.hits");
        localNegativeHits = registry.counter("cache.l1.negative-hits");
        localMisses = registry.counter("cache.l1.misses");
        localRefreshes = registry.counter("cache.l1.refreshes");
        redisHits = registry.counter("cache.l2.hits");
        redisNegativeHits = registry.counter("cache.l2.negative-hits");
        redisMisses = registry.counter("cache.l2.misses");
        redisErrors = registry.counter("cache.l2.errors");
        invalidationsReceived = registry.counter("cache.invalidations.received");
        crossRegionInvalidations = registry.counter("cache.invalidations.from-other-regions");
        cassandraLoads = registry.timer("cache.l3.loads");
    }

    public long cassandraLoadCount() {
        return cassandraLoads.getCount();
    }
}
