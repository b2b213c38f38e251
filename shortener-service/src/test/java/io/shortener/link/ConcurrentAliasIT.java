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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
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
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < CLAIMANTS; i++) {
                    String body = "{\"url\": \"https://example.com/claimant-" + i + "\", \"alias\": \"" + alias + "\"}";
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.postJson("/api/v1/links", body).statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }

                assertThat(statuses).as("round %d", round).filteredOn(status -> status == 201).hasSize(1);
                assertThat(statuses).as("round %d", round).filteredOn(status -> status == 409).hasSize(CLAIMANTS - 1);
                String winner = http.get("/api/v1/links/" + alias).body();
                assertThat(http.get("/" + alias).headers().firstValue("Location").orElseThrow())
                        .as("the redirect goes where the winning claim said").isIn(winner.substring(winner.indexOf("\"url\":\"") + 7, winner.indexOf("\",\"createdAt\"")));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
