package io.shortener.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class ConcurrentAliasIT {

    static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener("it_concurrent_alias");

    private static final int CLAIMANTS = 12;

    @Test
    void concurrentClaimsOfOneAliasGiveExactlyOne201AndTheRest409() throws Exception {
        Http http = new Http(APP.getLocalPort());
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMANTS);
        try {
            for (int round = 0; round < 5; round++) {
                String alias = "race-" + round + "-" + System.nanoTime();
                CountDownLatch start = new CountDownLatch(1);
                Map<String, Future<Integer>> answers = new LinkedHashMap<>();
                for (int i = 0; i < CLAIMANTS; i++) {
                    String url = "https://example.com/claimant-" + i;
                    String body = "{\"url\": \"" + url + "\", \"alias\": \"" + alias + "\"}";
                    answers.put(url, pool.submit(() -> {
                        start.await();
                        return http.postJson("/api/v1/links", body).statusCode();
                    }));
                }
                start.countDown();
                Map<String, Integer> statuses = new LinkedHashMap<>();
                for (Map.Entry<String, Future<Integer>> answer : answers.entrySet()) {
                    statuses.put(answer.getKey(), answer.getValue().get());
                }

                assertThat(statuses.values()).as("round %d", round).filteredOn(status -> status == 201).hasSize(1);
                assertThat(statuses.values()).as("round %d", round).filteredOn(status -> status == 409).hasSize(CLAIMANTS - 1);
                // The URL of the request that was told 201, not the row as it reads now: a losing claim that
                // overwrote the row would change both the row and the redirect, and still agree with itself.
                String winner = statuses.entrySet().stream().filter(status -> status.getValue() == 201).findFirst().orElseThrow().getKey();
                assertThat(http.get("/" + alias).headers().firstValue("Location")).as("round %d", round).hasValue(winner);
                assertThat(http.get("/api/v1/links/" + alias).body()).as("round %d", round).contains("\"url\":\"" + winner + "\"");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
