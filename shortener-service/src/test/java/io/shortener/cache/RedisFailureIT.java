package io.shortener.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.RedisCluster;
import io.shortener.devstack.RedisClusterSettings;
import io.shortener.devstack.RedisProbe;
import io.shortener.devstack.junit.Await;
import io.shortener.devstack.junit.RealCassandra;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Redis failing under load, on a Redis Cluster of this test's own: no redirect fails, the breaker
 * opens, and it closes again by itself once Redis is back.
 */
@ExtendWith(RealCassandra.class)
@Tag("redirects")
class RedisFailureIT {

    private static final RedisClusterSettings REDIS = RedisClusterSettings.threeByTwo("failure", "127.0.0.14", 16379);

    private final ProjectHome home = ProjectHome.locate();
    private final RedisCluster cluster = new RedisCluster(home, home.stackDir("test"), REDIS);
    private final ObjectMapper json = new ObjectMapper();
    private DropwizardAppExtension<ShortenerConfiguration> app;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        cluster.wipe();
        cluster.ensureRunning();
        app = TestApps.shortener("it_redis_failure",
                "clicks.enabled", "false",
                "cache.redis.nodes", String.join(",", REDIS.nodes()),
                // L1 forgets at once, so every redirect asks Redis.
                "cache.local.ttl", "1ms",
                "cache.local.negativeTtl", "1ms");
        app.before();
        http = new Http(app.getLocalPort());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.after();
        }
        cluster.wipe();
    }

    @Test
    void killingARedisMasterFailsNoRedirectAndTheBreakerOpensThenClosesAfterFailover() throws Exception {
        int master = cluster.masterPorts().get(0);
        List<String> codes = linksStoredOn(master, 12);
        try (RedirectLoad load = new RedirectLoad(codes)) {
            awaitRequests(load, 50);

            cluster.running(master).orElseThrow().kill();

            Await.until("the breaker to open", Duration.ofSeconds(30), () -> load.statesSeen.contains("OPEN"));
            Await.until("a replica to take over", Duration.ofSeconds(30), () -> cluster.masterPorts().size() == 3 && cluster.clusterOk());
            Await.until("the breaker to close again", Duration.ofSeconds(30), () -> "CLOSED".equals(breakerState()) && load.requests() > 0);
            long afterClose = load.requests();
            awaitRequests(load, afterClose + 50);

            cluster.startNode(master);
            awaitRequests(load, load.requests() + 50);

            assertThat(load.failures).as("redirects that were not 302").isEmpty();
            assertThat(load.statesSeen).contains("CLOSED", "OPEN");
            assertThat(breakerState()).isEqualTo("CLOSED");
        }
    }

    @Test
    void withTheWholeRedisClusterStoppedRedirectsAreServedFromCassandraAndHealthSaysDegraded() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(http.createCode("{\"url\": \"https://example.com/cassandra-only-" + i + "\"}"));
        }
        try (RedirectLoad load = new RedirectLoad(codes)) {
            awaitRequests(load, 30);

            cluster.stop();

            Await.until("the breaker to open", Duration.ofSeconds(30), () -> "OPEN".equals(breakerState()));
            awaitRequests(load, load.requests() + 100);
            Http admin = new Http(app.getAdminPort());
            HttpResponse health = new HttpResponse(admin.get("/healthcheck"));
            assertThat(health.status()).as("Redis trouble is no reason to take the instance out").isEqualTo(200);
            assertThat(health.json(json).get("redis").get("message").asText()).startsWith("DEGRADED");

            cluster.ensureRunning();

            Await.until("the breaker to close again", Duration.ofSeconds(60), () -> "CLOSED".equals(breakerState()));
            assertThat(load.failures).as("redirects that were not 302").isEmpty();
        }
    }

    /** Alias links whose Redis keys all fall in the slots this master serves, so losing it fails every lookup. */
    private List<String> linksStoredOn(int master, int count) throws Exception {
        List<int[]> slots = slotRanges(master);
        List<String> codes = new ArrayList<>();
        long run = System.nanoTime() % 100_000;
        for (int i = 0; codes.size() < count; i++) {
            String alias = "on-" + master + "-" + run + "-" + i;
            int slot = JedisClusterCRC16.getSlot("link:" + alias);
            if (slots.stream().anyMatch(range -> slot >= range[0] && slot <= range[1])) {
                codes.add(http.createCode("{\"url\": \"https://example.com/" + alias + "\", \"alias\": \"" + alias + "\"}"));
            }
        }
        return codes;
    }

    private static List<int[]> slotRanges(int port) {
        String nodes = RedisProbe.ask(REDIS.address(), port, "CLUSTER", "NODES").orElseThrow();
        String myself = nodes.lines().filter(line -> line.contains("myself")).findFirst().orElseThrow();
        List<int[]> ranges = new ArrayList<>();
        String[] fields = myself.split(" ");
        for (int i = 8; i < fields.length; i++) {
            String[] bounds = fields[i].split("-");
            int low = Integer.parseInt(bounds[0]);
            ranges.add(new int[] {low, bounds.length > 1 ? Integer.parseInt(bounds[1]) : low});
        }
        return ranges;
    }

    private String breakerState() {
        return String.valueOf(app.getEnvironment().metrics().getGauges().get("cache.l2.breaker").getValue());
    }

    private static void awaitRequests(RedirectLoad load, long atLeast) throws InterruptedException {
        Await.until("load to reach " + atLeast + " requests", Duration.ofSeconds(60), () -> load.requests() >= atLeast);
    }

    private record HttpResponse(java.net.http.HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        JsonNode json(ObjectMapper mapper) throws Exception {
            return mapper.readTree(response.body());
        }
    }

    /** Redirects in a loop on two threads, recording every answer that is not a 302 and the breaker states seen. */
    private final class RedirectLoad implements AutoCloseable {

        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Set<String> statesSeen = ConcurrentHashMap.newKeySet();
        private final Map<Thread, long[]> counts = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        RedirectLoad(List<String> codes) {
            for (int t = 0; t < 2; t++) {
                int offset = t;
                Thread thread = new Thread(() -> {
                    long[] count = counts.computeIfAbsent(Thread.currentThread(), key -> new long[1]);
                    for (int i = offset; running.get(); i++) {
                        String code = codes.get(i % codes.size());
                        try {
                            int status = http.get("/" + code).statusCode();
                            if (status != 302) {
                                failures.add(code + " -> " + status);
                            }
                        } catch (RuntimeException e) {
                            failures.add(code + " -> " + e);
                        }
                        statesSeen.add(breakerState());
                        count[0]++;
                    }
                }, "redirect-load-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        long requests() {
            return counts.values().stream().mapToLong(count -> count[0]).sum();
        }

        @Override
        public void close() {
            running.set(false);
            for (Thread thread : threads) {
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
