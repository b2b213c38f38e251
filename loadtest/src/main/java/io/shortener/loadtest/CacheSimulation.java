package io.shortener.loadtest;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How much of a region's redirect traffic the caches keep off Cassandra, for docs/CAPACITY.md. First a
 * simulation small enough to run here (the service's own Caffeine policy as L1 on each instance, an LRU
 * with a TTL as Redis, a virtual clock, requests drawn from Zipf) next to {@link CacheModel}'s prediction
 * for the same parameters: the check that the model can be trusted. Then the model at the design's scale,
 * 10^9 codes, where a simulation would need a day of requests per point.
 */
final class CacheSimulation {

    private final int simulatedCodes;
    private final long simulatedRequests;
    private final double simulatedRate;
    private final int simulatedInstances;
    private final CacheModel.Level simulatedL1;
    private final CacheModel.Level simulatedL2;
    private final long codes;
    private final double peakRate;
    private final int instances;
    private final List<Double> exponents;
    private final List<Long> l1Sizes;
    private final List<Long> l2Sizes;
    private final double l1Ttl;
    private final double l2Ttl;
    private final PrintStream out;

    CacheSimulation(Options options, PrintStream out) {
        simulatedCodes = options.integer("sim-codes", 10_000_000);
        simulatedRequests = (long) options.decimal("sim-requests", 40_000_000);
        simulatedRate = options.decimal("sim-rate", 2_000);
        simulatedInstances = options.integer("sim-instances", 2);
        simulatedL1 = new CacheModel.Level(options.integer("sim-l1", 10_000), options.duration("sim-l1-ttl", "60s").toSeconds());
        simulatedL2 = new CacheModel.Level(options.integer("sim-l2", 500_000), options.duration("sim-l2-ttl", "1h").toSeconds());
        codes = (long) options.decimal("codes", 1e9);
        peakRate = options.decimal("peak-rate", 17_361);
        instances = options.integer("instances", 4);
        exponents = decimals(options.text("exponents", "0.8,1.0,1.2"));
        l1Sizes = decimals(options.text("l1", "100000,1000000")).stream().map(Double::longValue).toList();
        l2Sizes = decimals(options.text("l2", "1e7,5e7,1e8")).stream().map(Double::longValue).toList();
        l1Ttl = options.duration("l1-ttl", "60s").toSeconds();
        l2Ttl = options.duration("l2-ttl", "24h").toSeconds();
        this.out = out;
    }

    static CacheSimulation of(Options options) {
        return new CacheSimulation(options, System.out);
    }

    void run() {
        if (simulatedRequests > 0) {
            validate();
        }
        atScale();
    }

    /** The simulation next to the model at the simulation's scale. */
    private void validate() {
        out.printf(Locale.ROOT, "## The model against a simulation%n%n%,d codes, %,d requests at %,.0f/s (virtual time; the first half warms "
                        + "the caches), %d instances, L1 %,d entries for %.0f s (Caffeine, refreshed after half of it), L2 %,d entries for %.0f s "
                        + "(LRU).%n%n| Zipf exponent | L1 hits, simulated | L1 hits, model (LRU floor – top-C ceiling) | L2 hits of its requests, "
                        + "simulated | model | L2 requests per request (misses and refreshes), simulated | model | to Cassandra, simulated | model |%n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |%n",
                simulatedCodes, simulatedRequests, simulatedRate, simulatedInstances, simulatedL1.entries(), simulatedL1.ttlSeconds(),
                simulatedL2.entries(), simulatedL2.ttlSeconds());
        for (double exponent : exponents) {
            Simulated simulated = simulate(exponent);
            CacheModel.Outcome model = modelOfTheSimulation(exponent);
            out.printf(Locale.ROOT, "| %.1f | %.1f%% | %.1f%% – %.1f%% | %.1f%% | %.1f%% | %.2f | %.2f | %.2f%% | %.2f%% |%n", exponent,
                    100 * simulated.l1HitShare(), 100 * model.l1HitShare(), 100 * model.l1CeilingShare(),
                    100 * simulated.l2HitShare(), 100 * model.l2HitShareOfItsRequests(), simulated.l2RequestsPerRequest(),
                    model.l2RequestsPerRequest(), 100 * simulated.cassandraShare(), 100 * model.cassandraShare());
        }

    }

    /** The model alone, at the design's scale. */
    private void atScale() {
        out.printf(Locale.ROOT, "%n## The design's scale%n%n%,d codes, %,.0f redirects/s at the peak in one region, %d instances there, "
                        + "L1 for %.0f s, L2 for %.0f s.%n%n| Zipf exponent | top 10^6 codes' share | L1 entries | L1 hits (LRU floor – "
                        + "ceiling) | L2 entries | L2 requests/s (misses and refreshes) | L2 hits of them | to Cassandra | "
                        + "Cassandra reads/s at the peak |%n| --- | --- | --- | --- | --- | --- | --- | --- | --- |%n",
                codes, peakRate, instances, l1Ttl, l2Ttl);
        for (double exponent : exponents) {
            ZipfPopularity popularity = new ZipfPopularity(codes, exponent);
            CacheModel model = new CacheModel(popularity);
            for (long l1 : l1Sizes) {
                for (long l2 : l2Sizes) {
                    CacheModel.Outcome outcome = model.predict(peakRate, instances, new CacheModel.Level(l1, l1Ttl), new CacheModel.Level(l2, l2Ttl));
                    out.printf(Locale.ROOT, "| %.1f | %.1f%% | %,d | %.1f%% – %.1f%% | %,d | %,.0f | %.1f%% | %.2f%% | %,.0f |%n", exponent,
                            100 * popularity.shareOfTop(1_000_000), l1, 100 * outcome.l1HitShare(), 100 * outcome.l1CeilingShare(), l2,
                            outcome.l2RequestsPerRequest() * peakRate, 100 * outcome.l2HitShareOfItsRequests(), 100 * outcome.cassandraShare(),
                            outcome.cassandraReadsPerSecond());
                }
            }
        }
    }

    /**
     * Per measured request: the share an L1 answered, the L2 requests made (misses and refreshes), the
     * share of those L2 answered, and the share left for Cassandra.
     */
    record Simulated(double l1HitShare, double l2RequestsPerRequest, double l2HitShare, double cassandraShare) {
    }

    /** The model's prediction for what {@link #simulate} runs. */
    CacheModel.Outcome modelOfTheSimulation(double exponent) {
        return new CacheModel(new ZipfPopularity(simulatedCodes, exponent)).predict(simulatedRate, simulatedInstances, simulatedL1, simulatedL2);
    }

    Simulated simulate(double exponent) {
        ZipfSampler sampler = new ZipfSampler(simulatedCodes, exponent);
        SplittableRandom random = new SplittableRandom(11);
        long[] now = {0};
        long tick = (long) (1e9 / simulatedRate);
        long[] counters = new long[3]; // L1 misses, L1 refreshes, Cassandra reads: counted once measuring
        boolean[] measuring = {false};
        RedisLru l2 = new RedisLru(simulatedL2.entries(), (long) (simulatedL2.ttlSeconds() * 1e9));
        List<LoadingCache<Integer, Boolean>> l1s = new ArrayList<>();
        for (int i = 0; i < simulatedInstances; i++) {
            l1s.add(Caffeine.newBuilder()
                    .maximumSize(simulatedL1.entries())
                    .expireAfterWrite(Duration.ofSeconds((long) simulatedL1.ttlSeconds()))
                    .refreshAfterWrite(Duration.ofSeconds((long) simulatedL1.ttlSeconds() / 2))
                    .executor(Runnable::run)
                    .ticker(() -> now[0])
                    .build(new CacheLoader<Integer, Boolean>() {
                        @Override
                        public Boolean load(Integer code) {
                            counters[0] += measuring[0] ? 1 : 0;
                            return throughL2(code);
                        }

                        @Override
                        public Boolean reload(Integer code, Boolean old) {
                            counters[1] += measuring[0] ? 1 : 0;
                            return throughL2(code);
                        }

                        private Boolean throughL2(int code) {
                            boolean hit = l2.get(code, now[0]);
                            counters[2] += measuring[0] && !hit ? 1 : 0;
                            return Boolean.TRUE;
                        }
                    }));
        }
        long measured = 0;
        for (long request = 0; request < simulatedRequests; request++) {
            if (request == simulatedRequests / 2) {
                measuring[0] = true;
            }
            now[0] += tick;
            l1s.get(random.nextInt(simulatedInstances)).get(sampler.sample(random));
            if (measuring[0]) {
                measured++;
            }
        }
        l1s.forEach(cache -> cache.cleanUp());
        long l2Requests = counters[0] + counters[1];
        return new Simulated(1 - (double) counters[0] / measured, (double) l2Requests / measured, 1 - (double) counters[2] / l2Requests,
                (double) counters[2] / measured);
    }

    /** Redis with allkeys-lru and a TTL written with each entry (SET PX): a read does not extend it. */
    private static final class RedisLru {

        private final LinkedHashMap<Integer, Long> entries;
        private final long ttlNanos;

        RedisLru(long capacity, long ttlNanos) {
            this.ttlNanos = ttlNanos;
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Long> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** Whether the code was there; a miss loads it from Cassandra and writes it with a fresh TTL. */
        boolean get(int code, long now) {
            Long expires = entries.get(code);
            if (expires != null && expires > now) {
                return true;
            }
            entries.put(code, now + ttlNanos);
            return false;
        }
    }

    private static List<Double> decimals(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).map(Double::parseDouble).toList();
    }
}
