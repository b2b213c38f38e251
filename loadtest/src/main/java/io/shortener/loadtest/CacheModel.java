package io.shortener.loadtest;

import java.util.List;

/**
 * The hit ratios of the service's two cache levels under independent requests with Zipf popularity, by
 * Che's approximation (Che, Tung and Wang 2002; shown accurate for Zipf by Fricker, Robert and Roberts
 * 2012): an LRU cache of C entries holds a code requested at rate λ with probability 1 − e^(−λT), where the
 * characteristic time T makes the probabilities add up to C. A cache entry also dies {@code ttl} after it
 * was written (the L1's expiry, Redis's PX), which alone would hold it with probability λτ/(1 + λτ); a
 * code is taken to be held with the smaller of the two. L1 is Caffeine's W-TinyLFU, which keeps popular
 * codes better than LRU does: LRU's figure is a floor for it, and "the top C codes" a ceiling.
 *
 * <p>Each of {@code instances} L1s sees its share of a region's requests; L2 (the region's Redis) sees
 * what the L1s miss, and their refreshes: an L1 entry read in the second half of its life is reloaded
 * through L2, at most once per half-life, which a code read that often costs once per cycle of
 * τ/2 + 1/λ with probability 1 − e^(−λτ/2). Cassandra sees what L2 misses.
 */
final class CacheModel {

    /** One cache level: its size in entries and its entries' time to live, in seconds. */
    record Level(long entries, double ttlSeconds) {
    }

    /** What reaches each level, as shares of all requests, and the request rate left for Cassandra. */
    record Outcome(double l1HitShare, double l1CeilingShare, double l2RequestsPerRequest, double l2HitShareOfItsRequests,
                   double cassandraShare, double cassandraReadsPerSecond) {
    }

    private final ZipfPopularity popularity;

    CacheModel(ZipfPopularity popularity) {
        this.popularity = popularity;
    }

    Outcome predict(double requestsPerSecond, int instances, Level l1, Level l2) {
        List<ZipfPopularity.Group> groups = popularity.groups();
        int n = groups.size();
        double[] l1Rate = new double[n];
        for (int i = 0; i < n; i++) {
            l1Rate[i] = requestsPerSecond * groups.get(i).probability() / instances;
        }
        double[] l1Held = held(groups, l1Rate, l1);
        double[] l2Rate = new double[n];
        double l1Hits = 0;
        double halfLife = l1.ttlSeconds() / 2;
        for (int i = 0; i < n; i++) {
            double rate = l1Rate[i];
            double refreshes = rate == 0 ? 0 : l1Held[i] * -Math.expm1(-rate * halfLife) / (halfLife + 1 / rate);
            l2Rate[i] = instances * (rate * (1 - l1Held[i]) + refreshes);
            l1Hits += groups.get(i).codes() * groups.get(i).probability() * l1Held[i];
        }
        double[] l2Held = held(groups, l2Rate, l2);
        double l2Requests = 0;
        double cassandra = 0;
        for (int i = 0; i < n; i++) {
            l2Requests += groups.get(i).codes() * l2Rate[i];
            cassandra += groups.get(i).codes() * l2Rate[i] * (1 - l2Held[i]);
        }
        return new Outcome(l1Hits, popularity.shareOfTop(l1.entries()), l2Requests / requestsPerSecond,
                l2Requests == 0 ? 0 : 1 - cassandra / l2Requests, cassandra / requestsPerSecond, cassandra);
    }

    /** The probability that each group's codes are in a cache of this level, at a request. */
    private static double[] held(List<ZipfPopularity.Group> groups, double[] rates, Level level) {
        double low = 0;
        double high = 1;
        // Double T until the cache would be full; a cache that never fills holds what its TTL lets it.
        while (occupancy(groups, rates, level, high) < level.entries() && high < 1e15) {
            high *= 2;
        }
        for (int step = 0; step < 100; step++) {
            double middle = (low + high) / 2;
            if (occupancy(groups, rates, level, middle) < level.entries()) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double[] held = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            held[i] = probability(rates[i], high, level.ttlSeconds());
        }
        return held;
    }

    private static double occupancy(List<ZipfPopularity.Group> groups, double[] rates, Level level, double characteristicTime) {
        double sum = 0;
        for (int i = 0; i < rates.length; i++) {
            sum += groups.get(i).codes() * probability(rates[i], characteristicTime, level.ttlSeconds());
        }
        return sum;
    }

    private static double probability(double rate, double characteristicTime, double ttl) {
        double lru = -Math.expm1(-rate * characteristicTime);
        double ttlAlone = rate * ttl / (1 + rate * ttl);
        return Math.min(lru, ttlAlone);
    }
}
