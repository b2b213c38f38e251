package io.shortener.visits;

import com.codahale.metrics.Meter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code maxVisits}: whether one more visit of a link may go through. A human visit is counted in the
 * region's Redis and let through only while the count is under the maximum, atomically, so that within a
 * region no more than the maximum get through however many arrive at once. Bots (crawlers, link
 * previews, HEAD requests) are not visits: they go through while the link has visits left, uncounted.
 *
 * <p>Redis is not the only count: the analytics hold every click exactly, and {@link VisitReconciler}
 * raises the counters of the links visited lately to those counts (visits another region served, or this
 * one served without Redis). While Redis is away an instance counts on its own from the last count it
 * knew; see the README for what that and a second region can let through beyond the maximum.
 */
public final class VisitLimits {

    private final RedisVisitCounters redis;
    private final Meter withoutRedis;
    /** The last count this instance knew of per link (from Redis, the analytics, or its own counting without Redis). */
    private final Cache<String, AtomicLong> known = Caffeine.newBuilder().maximumSize(100_000).build();
    /** Links visited since the last reconciliation, with their maximum. */
    private final Map<String, Long> visited = new ConcurrentHashMap<>();

    public VisitLimits(RedisVisitCounters redis, Meter withoutRedis) {
        this.redis = redis;
        this.withoutRedis = withoutRedis;
    }

    /** Whether this visit of the link {@code code}, which allows {@code max} visits, may go through; counts it if it is human's. */
    public boolean admit(String code, long max, boolean human) {
        visited.put(code, max);
        AtomicLong last = known.get(code, key -> new AtomicLong());
        if (!human) {
            return last.get() < max;
        }
        RedisVisitCounters.Count count;
        try {
            count = redis.count(code, max, last.get());
        } catch (RuntimeException e) {
            withoutRedis.mark();
            return countHere(last, max);
        }
        last.accumulateAndGet(count.visits(), Math::max);
        return count.admitted();
    }

    private static boolean countHere(AtomicLong last, long max) {
        long visits;
        do {
            visits = last.get();
            if (visits >= max) {
                return false;
            }
        } while (!last.compareAndSet(visits, visits + 1));
        return true;
    }

    /** The links visited since the last call, with their maximum, and forgets them. */
    Map<String, Long> drainVisited() {
        Map<String, Long> drained = new HashMap<>();
        for (String code : visited.keySet()) {
            Long max = visited.remove(code);
            if (max != null) {
                drained.put(code, max);
            }
        }
        return drained;
    }

    /** Raises what this instance knows of a link's count, and the region's counter, to {@code exact}. */
    void raise(String code, long exact) {
        known.get(code, key -> new AtomicLong()).accumulateAndGet(exact, Math::max);
        redis.raise(code, exact);
    }
}
