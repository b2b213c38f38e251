package io.shortener.cache;

import com.codahale.metrics.Timer;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.shortener.link.Link;
import io.shortener.link.LinkChange;
import io.shortener.link.LinkStore;
import io.shortener.link.MemoryAnswer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Links through three levels: L1 in this process (Caffeine), L2 shared in Redis, L3 the store itself
 * (Cassandra). Absent codes are cached too, briefly, so a flood of random codes stays off Cassandra.
 * Concurrent misses on one code load it once: Caffeine runs one loader per key and the others wait.
 * A link read in the second part of its L1 life is reloaded in the background ({@code refreshAfter})
 * while its readers keep getting the entry they have, so a link in use does not expire under them: a
 * hot link's readers would all wait for one load every TTL, and links warmed together would all expire
 * together.
 *
 * <p>Writes go to the store first, then clear the code from both levels of every instance: an alias
 * claim clears a cached "absent", a delete clears the link (and is announced again a little later, for a
 * reader that was loading the link while it was being deleted).
 */
public final class CachingLinkStore implements LinkStore {

    private final LinkStore store;
    private final RedisLinkCache redis;
    private final LoadingCache<String, CacheEntry> local;
    private final CacheMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final long invalidationRepeatMillis;

    public CachingLinkStore(LinkStore store, RedisLinkCache redis, LocalCacheConfiguration localConfig, CacheMetrics metrics,
                            ScheduledExecutorService scheduler, java.time.Duration invalidationRepeat, Clock clock,
                            Executor refreshes, Ticker ticker) {
        this.store = store;
        this.redis = redis;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.invalidationRepeatMillis = invalidationRepeat.toMillis();
        CacheTtl ttl = localConfig.ttl();
        this.local = Caffeine.newBuilder()
                .maximumWeight(localConfig.maximumWeightBytes())
                .weigher(CacheWeights::of)
                .refreshAfterWrite(localConfig.refreshAfter())
                .executor(refreshes)
                .ticker(ticker)
                .expireAfter(new Expiry<String, CacheEntry>() {
                    @Override
                    public long expireAfterCreate(String code, CacheEntry entry, long now) {
                        return ttl.of(entry, clock).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String code, CacheEntry entry, long now, long current) {
                        return ttl.of(entry, clock).toNanos();
                    }

                    @Override
                    public long expireAfterRead(String code, CacheEntry entry, long now, long current) {
                        return current;
                    }
                })
                .build(new CacheLoader<>() {
                    @Override
                    public CacheEntry load(String code) {
                        return loadThroughRedis(code);
                    }

                    @Override
                    public CacheEntry reload(String code, CacheEntry old) {
                        metrics.localRefreshes.inc();
                        return loadThroughRedis(code);
                    }
                });
    }

    @Override
    public Optional<Link> find(String code) {
        MemoryAnswer known = findInMemory(code);
        if (known.known()) {
            return known.link();
        }
        metrics.localMisses.inc();
        return local.get(code).asOptional();
    }

    /** L1 alone; a code it does not hold is left to {@link #find}, which counts the miss. */
    @Override
    public MemoryAnswer findInMemory(String code) {
        CacheEntry cached = local.getIfPresent(code);
        if (cached == null) {
            return MemoryAnswer.UNKNOWN;
        }
        (cached.isAbsent() ? metrics.localNegativeHits : metrics.localHits).inc();
        return MemoryAnswer.of(cached.asOptional());
    }

    private CacheEntry loadThroughRedis(String code) {
        Optional<CacheEntry> shared = redis.get(code);
        if (shared.isPresent()) {
            return shared.get();
        }
        CacheEntry loaded;
        try (Timer.Context ignored = metrics.cassandraLoads.time()) {
            loaded = CacheEntry.of(store.find(code));
        }
        redis.put(code, loaded);
        return loaded;
    }

    @Override
    public void insert(Link link) {
        // A generated code is new: nobody can have cached it, not even as absent (barring a lucky guess of
        // an 11-character code, which the negative TTL then bounds).
        store.insert(link);
    }

    @Override
    public boolean claim(Link link) {
        boolean claimed = store.claim(link);
        if (claimed) {
            invalidateEverywhere(link.code());
        }
        return claimed;
    }

    @Override
    public boolean delete(String code, Instant at) {
        boolean deleted = store.delete(code, at);
        if (deleted) {
            invalidateEverywhere(code);
            scheduler.schedule(() -> invalidateEverywhere(code), invalidationRepeatMillis, TimeUnit.MILLISECONDS);
        }
        return deleted;
    }

    @Override
    public Optional<Link> update(String code, UnaryOperator<Link> edit, Instant at) {
        Optional<Link> edited = store.update(code, edit, at);
        if (edited.isPresent()) {
            invalidateEverywhere(code);
            scheduler.schedule(() -> invalidateEverywhere(code), invalidationRepeatMillis, TimeUnit.MILLISECONDS);
        }
        return edited;
    }

    @Override
    public Optional<Instant> updatedAt(String code) {
        return store.updatedAt(code);
    }

    /**
     * Whether this region's Cassandra holds what a change made elsewhere wrote: a deleted link gone, an
     * edited one at that version (or later). Until then a reader could reload the old version.
     */
    public boolean holds(LinkChange change) {
        return switch (change.kind()) {
            case DELETED -> store.find(change.code()).isEmpty();
            case UPDATED -> store.updatedAt(change.code()).filter(at -> !at.isBefore(change.at())).isPresent();
            case CLAIMED -> true;
        };
    }

    /** Drops a code from this instance's L1 only: what an invalidation announced by another instance does. */
    public void invalidateLocally(String code) {
        local.invalidate(code);
    }

    public void clearLocal() {
        local.invalidateAll();
    }

    public CacheMetrics metrics() {
        return metrics;
    }

    /** L1's estimated bytes (the figure its bound holds). */
    public long localBytes() {
        return local.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    public long localSize() {
        return local.estimatedSize();
    }

    /**
     * Drops a code changed in another region from this instance's L1 and from the region's L2. No
     * pub/sub announcement: every instance of the region reads the same changes and drops the code from
     * its own L1, so announcing it would only multiply the messages by the number of instances.
     */
    public void dropChangedElsewhere(String code) {
        local.invalidate(code);
        redis.evict(code);
    }

    private void invalidateEverywhere(String code) {
        local.invalidate(code);
        redis.evictEverywhere(code);
    }
}
