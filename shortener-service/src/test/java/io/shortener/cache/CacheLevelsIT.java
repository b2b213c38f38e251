package io.shortener.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.TestClock;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;

/** Each level's hit and miss paths, negative caching and stampede protection, against real Redis and Cassandra. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("redirects")
class CacheLevelsIT {

    private static final TestClock CLOCK = new TestClock();

    /** A fixed machine ID, not a lease: a lease read through a clock moved an hour ahead would look expired. */
    static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(CLOCK, "it_cache_levels", "ids.machine", "1");

    private static RedisClusterClient redis;
    private final ObjectMapper json = new ObjectMapper();
    private Http http;

    @BeforeAll
    static void connectToRedis() {
        redis = RedisClusterClient.create(HostAndPort.from(RealRedisCluster.SETTINGS.nodes().get(0)));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void client() {
        http = new Http(APP.getLocalPort());
    }

    @Test
    void aFirstRedirectLoadsFromCassandraIntoBothLevelsAndTheNextIsAnsweredByL1() throws Exception {
        String code = http.createCode("{\"url\": \"https://example.com/levels\"}");
        Snapshot before = snapshot();

        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);
        Snapshot afterFirst = snapshot();
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);
        Snapshot afterSecond = snapshot();

        assertThat(afterFirst.minus(before)).isEqualTo(new Snapshot(0, 0, 1, 0, 0, 1, 1));
        assertThat(afterSecond.minus(afterFirst)).isEqualTo(new Snapshot(1, 0, 0, 0, 0, 0, 0));
        assertThat(redis.get("link:" + code)).contains("https://example.com/levels");
        assertThat(redis.pttl("link:" + code)).isBetween(23L * 3600 * 1000, 24L * 3600 * 1000);
    }

    @Test
    void withL1EmptiedRedisAnswersWithoutAskingCassandra() throws Exception {
        String code = http.createCode("{\"url\": \"https://example.com/l2\"}");
        http.get("/" + code);

        clearLocalCache();
        Snapshot before = snapshot();
        HttpResponse<String> redirect = http.get("/" + code);

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://example.com/l2");
        assertThat(snapshot().minus(before)).isEqualTo(new Snapshot(0, 0, 1, 1, 0, 0, 0));
    }

    @Test
    void unknownCodesAreCachedAsAbsentInBothLevels() throws Exception {
        String unknown = "nobody-" + System.nanoTime();
        Snapshot before = snapshot();

        assertThat(http.get("/" + unknown).statusCode()).isEqualTo(404);
        assertThat(http.get("/" + unknown).statusCode()).isEqualTo(404);
        clearLocalCache();
        assertThat(http.get("/" + unknown).statusCode()).isEqualTo(404);

        Snapshot delta = snapshot().minus(before);
        assertThat(delta.cassandraLoads()).as("only the first request reaches Cassandra").isEqualTo(1);
        assertThat(delta.localNegativeHits()).isEqualTo(1);
        assertThat(delta.redisNegativeHits()).isEqualTo(1);
        assertThat(redis.get("link:" + unknown)).isEqualTo("-");
        assertThat(redis.pttl("link:" + unknown)).isBetween(1L, 10_000L);
    }

    @Test
    void claimingAnAliasClearsItsAbsentEntryAtOnce() throws Exception {
        String alias = "soon-" + System.nanoTime();
        assertThat(http.get("/" + alias).statusCode()).isEqualTo(404);

        http.createCode("{\"url\": \"https://example.com/claimed\", \"alias\": \"" + alias + "\"}");

        assertThat(http.get("/" + alias).statusCode()).isEqualTo(302);
    }

    @Test
    void manyConcurrentFirstRequestsForOneCodeCauseOneCassandraRead() throws Exception {
        String code = http.createCode("{\"url\": \"https://example.com/stampede\"}");
        long loadsBefore = snapshot().cassandraLoads();
        int requests = 48;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.get("/" + code).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(snapshot().cassandraLoads() - loadsBefore).isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsNeverAnsweredFromACache() throws Exception {
        Instant expiresAt = CLOCK.instant().plus(Duration.ofHours(1));
        String code = http.createCode("{\"url\": \"https://example.com/brief\", \"expiresAt\": \"" + expiresAt + "\"}");
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);
        // Redis's own expiry runs on real time: the entry it holds is gone before the link's hour is.
        assertThat(redis.pttl("link:" + code)).as("Redis keeps it no longer than the link lives (the cache ttl is 24 h)")
                .isBetween(1L, Duration.ofHours(1).toMillis());

        CLOCK.advance(Duration.ofMinutes(61));

        assertThat(http.get("/" + code).statusCode()).as("an expired link held in L1 and L2").isEqualTo(410);
    }

    @Test
    void deletingALinkRemovesItFromRedis() throws Exception {
        String code = http.createCode("{\"url\": \"https://example.com/gone\"}");
        http.get("/" + code);
        assertThat(redis.exists("link:" + code)).isTrue();

        http.delete("/api/v1/links/" + code);

        assertThat(redis.exists("link:" + code)).isFalse();
        assertThat(http.get("/" + code).statusCode()).isEqualTo(404);
    }

    @Test
    void theCacheReportsItsMetricsAndRedisHealth() throws Exception {
        Http admin = new Http(APP.getAdminPort());

        JsonNode metrics = json.readTree(admin.get("/metrics").body());
        JsonNode health = json.readTree(admin.get("/healthcheck").body()).get("redis");

        assertThat(metrics.get("counters").has("cache.l1.hits")).isTrue();
        assertThat(metrics.get("counters").has("cache.l2.negative-hits")).isTrue();
        assertThat(metrics.get("timers").has("cache.l3.loads")).isTrue();
        assertThat(metrics.get("gauges").get("cache.l2.breaker").get("value").asText()).isEqualTo("CLOSED");
        assertThat(health.get("healthy").asBoolean()).isTrue();
        assertThat(health.get("message").asText()).contains("reachable");
    }

    private void clearLocalCache() {
        HttpResponse<String> answer = new Http(APP.getAdminPort())
                .send(new Http(APP.getAdminPort()).request("/tasks/cache-clear-local").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static Snapshot snapshot() {
        MetricRegistry metrics = APP.getEnvironment().metrics();
        return new Snapshot(
                metrics.counter("cache.l1.hits").getCount(),
                metrics.counter("cache.l1.negative-hits").getCount(),
                metrics.counter("cache.l1.misses").getCount(),
                metrics.counter("cache.l2.hits").getCount(),
                metrics.counter("cache.l2.negative-hits").getCount(),
                metrics.counter("cache.l2.misses").getCount(),
                metrics.timer("cache.l3.loads").getCount());
    }

    record Snapshot(long localHits, long localNegativeHits, long localMisses, long redisHits, long redisNegativeHits,
                    long redisMisses, long cassandraLoads) {

        Snapshot minus(Snapshot other) {
            return new Snapshot(localHits - other.localHits, localNegativeHits - other.localNegativeHits,
                    localMisses - other.localMisses, redisHits - other.redisHits,
                    redisNegativeHits - other.redisNegativeHits, redisMisses - other.redisMisses,
                    cassandraLoads - other.cassandraLoads);
        }
    }
}
