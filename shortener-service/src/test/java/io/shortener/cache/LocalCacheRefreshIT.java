package io.shortener.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.dropwizard.jackson.Jackson;
import io.shortener.devstack.junit.RealRedisCluster;
import io.shortener.link.Link;
import io.shortener.link.MemoryLinkStore;
import io.shortener.link.RedirectType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * L1's refresh-ahead, with real Redis as L2: a link in use is reloaded in the background and its readers
 * never wait for it; a link nobody read is loaded again on the request, as before. The clock of L1 and
 * the executor of its refreshes are the test's, so "older than refreshAfter" and "the reload has not run
 * yet" are states the test sets, not timings it hopes for.
 */
@ExtendWith(RealRedisCluster.class)
@Tag("redirects")
class LocalCacheRefreshIT {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private final ManualTicker ticker = new ManualTicker();
    private final QueuedExecutor refreshes = new QueuedExecutor();
    private final MemoryLinkStore cassandra = new MemoryLinkStore();
    private final MetricRegistry registry = new MetricRegistry();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String keyPrefix = "refresh-it-" + System.nanoTime() + ":";
    private RedisConnection redis;
    private CachingLinkStore store;

    @BeforeEach
    void start() {
        RedisCacheFactory redisConfig = JSON.convertValue(Map.of("nodes", RealRedisCluster.nodes(),
                "keyPrefix", keyPrefix), RedisCacheFactory.class);
        LocalCacheConfiguration localConfig = JSON.convertValue(Map.of("ttl", "60s", "refreshAfter", "30s"),
                LocalCacheConfiguration.class);
        redis = new RedisConnection(redisConfig);
        CacheMetrics metrics = new CacheMetrics(registry);
        store = new CachingLinkStore(cassandra,
                new RedisLinkCache(redis, redisConfig.getBreaker().build(), new LinkCodec(JSON), redisConfig, metrics, Clock.systemUTC()),
                localConfig, metrics, scheduler, Duration.ofSeconds(3), Clock.systemUTC(), refreshes, ticker);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        redis.stop();
    }

    @Test
    void aLinkReadAfterItsRefreshAgeIsAnsweredFromL1AndReloadedInTheBackground() {
        cassandra.put(link("hot", "https://example.com/v1"));
        assertThat(store.find("hot")).map(Link::url).hasValue("https://example.com/v1");
        cassandra.put(link("hot", "https://example.com/v2"));
        store.invalidateLocally("hot");
        redisForget("hot");
        assertThat(store.find("hot")).map(Link::url).hasValue("https://example.com/v2");
        long loadsBefore = cassandra.loads();

        ticker.advance(Duration.ofSeconds(31));
        cassandra.put(link("hot", "https://example.com/v3"));
        redisForget("hot");
        Optional<Link> answered = store.find("hot");

        assertThat(answered).map(Link::url).as("the reader gets the entry it had").hasValue("https://example.com/v2");
        assertThat(cassandra.loads()).as("the reload waits for the refresh executor, not for the reader").isEqualTo(loadsBefore);
        assertThat(l1("refreshes")).isZero();
        assertThat(l1("misses")).isEqualTo(2);

        refreshes.runAll();

        assertThat(cassandra.loads()).isEqualTo(loadsBefore + 1);
        assertThat(l1("refreshes")).isEqualTo(1);
        assertThat(store.find("hot")).map(Link::url).hasValue("https://example.com/v3");
        assertThat(l1("misses")).as("no reader waited for a load").isEqualTo(2);
    }

    @Test
    void aRefreshedLinkLivesAnotherTtlFromItsRefresh() {
        cassandra.put(link("kept", "https://example.com/kept"));
        store.find("kept");

        ticker.advance(Duration.ofSeconds(45));
        store.find("kept");
        refreshes.runAll();
        ticker.advance(Duration.ofSeconds(45));

        assertThat(store.find("kept")).isPresent();
        assertThat(l1("misses")).as("90 s after the first load, still in L1").isEqualTo(1);
    }

    @Test
    void aLinkNobodyReadForItsWholeTtlIsLoadedOnTheRequest() {
        cassandra.put(link("cold", "https://example.com/cold"));
        store.find("cold");

        ticker.advance(Duration.ofSeconds(61));
        store.find("cold");

        refreshes.runAll();
        assertThat(l1("misses")).isEqualTo(2);
        assertThat(l1("refreshes")).isZero();
    }

    @Test
    void aLinkDeletedWhileItsRefreshWaitsIsNotBroughtBackByIt() {
        cassandra.put(link("doomed", "https://example.com/doomed"));
        store.find("doomed");
        ticker.advance(Duration.ofSeconds(31));
        store.find("doomed");
        assertThat(l1("refreshes")).as("the refresh waits").isZero();

        store.delete("doomed", Instant.now());
        refreshes.runAll();

        assertThat(store.find("doomed")).isEmpty();
    }

    private long l1(String counter) {
        return registry.counter("cache.l1." + counter).getCount();
    }

    private void redisForget(String code) {
        redis.client().del(keyPrefix + code);
    }

    private static Link link(String code, String url) {
        return new Link(code, 1L, url, Instant.parse("2026-01-01T00:00:00Z"), null, RedirectType.FOUND, false, "test");
    }

    private static final class ManualTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1);

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public long read() {
            return nanos.get();
        }
    }

    /** Runs what it is given only when told to. */
    private static final class QueuedExecutor implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            Runnable next;
            while ((next = poll()) != null) {
                next.run();
            }
        }

        private synchronized Runnable poll() {
            return queued.poll();
        }
    }
}
