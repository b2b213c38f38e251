package io.shortener.visits;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.click.UserAgentClassifierTest;
import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.devstack.junit.Await;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code maxVisits} against a real Redis Cluster and ClickHouse: exact under concurrency, bots uncounted, reconciled, and without Redis. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, RealClickHouse.class, DropwizardExtensionsSupport.class})
@Tag("links")
class LinkMaxVisitsIT {

    private static final String KEYSPACE = TestApps.SHARED_KEYSPACE;
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE,
            "links.visitReconcileInterval", "1s");
    /** Another instance of the region, whose Redis Cluster cannot be reached (nothing listens where it looks). */
    private static final DropwizardAppExtension<ShortenerConfiguration> WITHOUT_REDIS = TestApps.shortener(KEYSPACE,
            "cache.redis.nodes", "127.0.0.1:9");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUMAN = UserAgentClassifierTest.CHROME_WINDOWS;

    private final Http http = new Http(APP.getLocalPort());

    @BeforeAll
    static void analytics() {
        RealClickHouse.freshDatabase(KEYSPACE);
    }

    private String create(long maxVisits) throws Exception {
        HttpResponse<String> created = http.postJson("/api/v1/links", "{\"url\": \"https://example.com/limited\", \"maxVisits\": " + maxVisits + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode link = JSON.readTree(created.body());
        assertThat(link.get("maxVisits").asLong()).isEqualTo(maxVisits);
        return link.get("code").asText();
    }

    private static int status(Http client, String code, String userAgent) {
        return client.get("/" + code, "User-Agent", userAgent).statusCode();
    }

    @Test
    void exactlyTheMaximumOfManyConcurrentHumanVisitsGoThroughAndTheRestGet410() throws Exception {
        String code = create(50);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                Callable<Integer> visit = () -> status(http, code, HUMAN);
                answers.add(pool.submit(visit));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            Map<Integer, Long> counted = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counted).isEqualTo(Map.of(302, 50L, 410, 350L));
        } finally {
            pool.shutdownNow();
        }
        JsonNode gone = assertJsonError(http.get("/" + code, "User-Agent", HUMAN), 410);
        assertThat(gone.get("message").asText()).isEqualTo("the link '" + code + "' has had its 50 visits");
    }

    @Test
    void botsAndHeadRequestsAreNoVisitsButMeetAnExhaustedLinkToo() throws Exception {
        String code = create(2);
        for (int i = 0; i < 5; i++) {
            assertThat(status(http, code, UserAgentClassifierTest.GOOGLEBOT)).isEqualTo(302);
            assertThat(http.head("/" + code).statusCode()).isEqualTo(302);
        }
        assertThat(status(http, code, HUMAN)).isEqualTo(302);
        assertThat(status(http, code, UserAgentClassifierTest.SAFARI_IPHONE)).isEqualTo(302);
        assertThat(status(http, code, HUMAN)).isEqualTo(410);
        assertThat(status(http, code, UserAgentClassifierTest.SLACK_PREVIEW)).isEqualTo(410);
    }

    @Test
    void aPatchRaisesOrRemovesTheMaximumAtOnce() throws Exception {
        String code = create(1);
        assertThat(status(http, code, HUMAN)).isEqualTo(302);
        assertThat(status(http, code, HUMAN)).isEqualTo(410);

        assertThat(http.patchJson("/api/v1/links/" + code, "{\"maxVisits\": 2}").statusCode()).isEqualTo(200);
        assertThat(status(http, code, HUMAN)).isEqualTo(302);
        assertThat(status(http, code, HUMAN)).isEqualTo(410);

        assertThat(http.patchJson("/api/v1/links/" + code, "{\"maxVisits\": null}").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(status(http, code, HUMAN)).isEqualTo(302);
        }
        assertThat(JSON.readTree(http.get("/api/v1/links/" + code).body()).get("maxVisits").isNull()).isTrue();
    }

    @Test
    void visitsTheAnalyticsCountedElsewhereAreAddedToTheRegionsCount() throws Exception {
        String code = create(10);
        assertThat(status(http, code, HUMAN)).as("one visit here").isEqualTo(302);
        assertThat(status(http, code, UserAgentClassifierTest.GOOGLEBOT)).as("visits left, before the analytics say more").isEqualTo(302);

        // The analytics counted ten human visits in all (this one, and nine another region let through).
        String minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace("T", " ").replace("Z", "");
        new ClickHouseHttp(RealClickHouse.SETTINGS.httpUrl()).execute(KEYSPACE,
                "INSERT INTO link_clicks_minute VALUES ('" + code + "', '" + minute + "', 1, 10, 10)");

        // A bot's visit is no visit, so it can watch for the reconciliation without using the visits up.
        Await.until("the reconciliation, seen as a bot's 410", Duration.ofSeconds(30),
                () -> status(http, code, UserAgentClassifierTest.GOOGLEBOT), status -> status == 410);
        assertThat(status(http, code, HUMAN)).as("the region's Redis counter was raised too").isEqualTo(410);
    }

    @Test
    void withoutRedisAnInstanceCountsOnItsOwnAndStopsAtTheMaximum() throws Exception {
        String code = create(5);
        Http alone = new Http(WITHOUT_REDIS.getLocalPort());
        int through = 0;
        for (int i = 0; i < 20; i++) {
            if (status(alone, code, HUMAN) == 302) {
                through++;
            }
        }
        assertThat(through).as("no more than the maximum through one instance").isEqualTo(5);
        assertThat(status(http, code, HUMAN)).as("the region's count (Redis) did not see them: the documented overshoot").isEqualTo(302);
    }

    @Test
    void aBadMaximumIsA400AndNothingIsStored() throws Exception {
        for (String bad : List.of("0", "-1", "1.5", "\"10\"", "1000000001", "true")) {
            String alias = "bad-max-" + System.nanoTime();
            JsonNode error = assertJsonError(http.postJson("/api/v1/links",
                    "{\"url\": \"https://example.com/x\", \"alias\": \"" + alias + "\", \"maxVisits\": " + bad + "}"), 400);
            assertThat(error.get("message").asText()).as(bad).isEqualTo("maxVisits must be a whole number from 1 to 1000000000, or null for no limit");
            assertThat(http.get("/" + alias).statusCode()).isEqualTo(404);
        }
        String code = create(3);
        assertJsonError(http.patchJson("/api/v1/links/" + code, "{\"maxVisits\": 0}"), 400);
        assertThat(JSON.readTree(http.get("/api/v1/links/" + code).body()).get("maxVisits").asLong()).isEqualTo(3);
    }
}
