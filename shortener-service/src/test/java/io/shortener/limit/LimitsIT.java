package io.shortener.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.FromAddress;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits shared by two instances through the real Redis Cluster: each test is a client address of its
 * own (127.0.0.x), and the buckets are small and slow to refill, so that what both instances admit
 * together is the bucket, whichever instance a request reaches.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("redirects")
class LimitsIT {

    private static final String KEYSPACE = TestApps.SHARED_KEYSPACE;
    private static final String PREFIX = "limits-it-" + System.nanoTime() + ":";
    private static final String[] LIMITS = {
            // The test's own set-up (Http, from 127.0.0.1) spends nothing; the clients under test are 127.0.0.2 and up.
            "limits.exemptClients", "127.0.0.1",
            "limits.keyPrefix", PREFIX,
            "access.trustedProxies", "127.0.0.9",
            "limits.perKey.links:write.capacity", "5",
            "limits.perKey.links:write.refill", "1",
            "limits.perKey.links:write.period", "1h",
            "limits.apiPerIp.capacity", "20",
            "limits.apiPerIp.refill", "1",
            "limits.apiPerIp.period", "1h",
            "limits.redirects.perIp.capacity", "30",
            "limits.redirects.perIp.refill", "1",
            "limits.redirects.perIp.period", "1h",
            "limits.redirects.lease", "5",
            "limits.redirects.leaseWindow", "1h",
            "limits.redirects.unknownCodesPerIp.capacity", "5",
            "limits.redirects.unknownCodesPerIp.refill", "1",
            "limits.redirects.unknownCodesPerIp.period", "1h"};
    private static final DropwizardAppExtension<ShortenerConfiguration> ONE = TestApps.shortener(KEYSPACE, LIMITS);
    private static final DropwizardAppExtension<ShortenerConfiguration> TWO = TestApps.shortener(KEYSPACE, LIMITS);

    private static final String BEARER = "Bearer " + TestApps.KEY;

    private static String code;

    @BeforeAll
    static void createALinkToRedirectBy() throws Exception {
        var created = new Http(ONE.getLocalPort()).postJson("/api/v1/links", "{\"url\": \"https://example.com/redirect-limit\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        code = new ObjectMapper().readTree(created.body()).get("code").asText();
    }

    @Test
    void createsOverTheKeysBucketAre429WithTheHeadersWhicheverInstanceTheyReach() {
        List<FromAddress> instances = List.of(new FromAddress("127.0.0.2", ONE.getLocalPort()), new FromAddress("127.0.0.2", TWO.getLocalPort()));
        // Each instance checks the key once (paid from the address's bucket); from then on creates spend the key's.
        instances.forEach(instance -> assertThat(instance.get("/api/v1/keys/current", "Authorization", BEARER).status()).isEqualTo(200));

        List<FromAddress.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(instances.get(i % 2).postJson("/api/v1/links", "{\"url\": \"https://example.com/limited/" + i + "\"}",
                    "Authorization", BEARER));
        }

        assertThat(answers).extracting(FromAddress.Answer::status).containsExactly(201, 201, 201, 201, 201, 429, 429, 429, 429, 429);
        assertThat(answers.subList(0, 5)).extracting(answer -> answer.header("RateLimit-Remaining"))
                .as("one bucket, counted down by both instances").containsExactly("4", "3", "2", "1", "0");
        FromAddress.Answer refused = answers.get(5);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(1L, 5 * 3600L);
        assertThat(refused.header("Content-Type")).isEqualTo("application/json");
        assertThat(refused.body()).contains("\"code\":429").contains("too many requests with the API key");
    }

    @Test
    void requestsWithoutAValidKeySpendTheAddresssBucketAndAreRefusedBeforeTheKeyIsLookedUp() {
        List<FromAddress> instances = List.of(new FromAddress("127.0.0.3", ONE.getLocalPort()), new FromAddress("127.0.0.3", TWO.getLocalPort()));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            // A made-up key of the right form each time: without the limit, each would be a Cassandra read.
            String guess = "shk_" + randomText(32);
            statuses.add(instances.get(i % 2).get("/api/v1/links/abc", "Authorization", "Bearer " + guess).status());
        }

        assertThat(statuses.subList(0, 20)).as("the address's 20 tokens").containsOnly(401);
        assertThat(statuses.subList(20, 26)).containsOnly(429);
        assertThat(new FromAddress("127.0.0.4", ONE.getLocalPort()).get("/api/v1/links/abc").status())
                .as("another address has its own bucket").isEqualTo(401);
    }

    @Test
    void redirectsFromOneAddressAreLimitedAcrossInstancesWithinTheLeaseBound() {
        List<FromAddress> instances = List.of(new FromAddress("127.0.0.5", ONE.getLocalPort()), new FromAddress("127.0.0.5", TWO.getLocalPort()));
        int admitted = 0;
        FromAddress.Answer refused = null;
        for (int i = 0; i < 60; i++) {
            FromAddress.Answer answer = instances.get(i % 2).get("/" + code);
            if (answer.status() == 302) {
                admitted++;
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(429);
                refused = answer;
            }
        }

        // The bucket holds 30; each instance may admit one lease (5) on credit that the bucket cannot pay.
        assertThat(admitted).isBetween(30, 30 + 2 * 5);
        assertThat(refused).isNotNull();
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("30");
        assertThat(refused.body()).contains("too many redirects");
        assertThat(new FromAddress("127.0.0.6", ONE.getLocalPort()).get("/" + code).status()).as("another address").isEqualTo(302);
    }

    @Test
    void aFloodOfUnknownCodesReachesCassandraAtTheUnknownCodesRate() {
        List<FromAddress> instances = List.of(new FromAddress("127.0.0.7", ONE.getLocalPort()), new FromAddress("127.0.0.7", TWO.getLocalPort()));
        long loadsBefore = cassandraLoads();
        int notFound = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            int status = instances.get(i % 2).get("/" + randomText(7)).status();
            if (status == 404) {
                notFound++;
            } else if (status == 429) {
                refused++;
            }
        }
        long loads = cassandraLoads() - loadsBefore;

        // 5 tokens; each instance learns the bucket is empty with one lookup of its own at most.
        assertThat(notFound).as("the bucket's tokens were spent (positive control)").isBetween(5, 5 + 2);
        assertThat(refused).isEqualTo(40 - notFound);
        assertThat(loads).as("Cassandra reads").isBetween(5L, 5L + 2);
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        FromAddress proxy = new FromAddress("127.0.0.9", ONE.getLocalPort());
        FromAddress stranger = new FromAddress("127.0.0.8", ONE.getLocalPort());
        for (int i = 0; i < 20; i++) {
            assertThat(proxy.get("/api/v1/links/abc", "X-Forwarded-For", "203.0.113.1, 127.0.0.9").status()).isEqualTo(401);
        }
        assertThat(proxy.get("/api/v1/links/abc", "X-Forwarded-For", "203.0.113.1").status()).as("203.0.113.1's bucket is spent").isEqualTo(429);
        assertThat(proxy.get("/api/v1/links/abc", "Forwarded", "for=203.0.113.2;proto=https").status())
                .as("another client behind the proxy").isEqualTo(401);
        for (int i = 0; i < 20; i++) {
            stranger.get("/api/v1/links/abc", "X-Forwarded-For", "203.0.113." + (10 + i));
        }
        assertThat(stranger.get("/api/v1/links/abc", "X-Forwarded-For", "203.0.113.99").status())
                .as("a stranger's X-Forwarded-For names no one: its own bucket is spent").isEqualTo(429);
    }

    private static long cassandraLoads() {
        return ONE.getEnvironment().metrics().timer("cache.l3.loads").getCount()
                + TWO.getEnvironment().metrics().timer("cache.l3.loads").getCount();
    }

    private static String randomText(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
