package io.shortener.link;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/v1/links/bulk}: many creates in one request, an answer per item, nothing stored for a refused one. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class BulkCreateIT {

    private static final String KEYSPACE = TestApps.SHARED_KEYSPACE;
    /** Buckets of this run's own: the key is every test service's initial key. */
    private static final String RUN = "bulk-it-" + System.nanoTime() + ":";
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE,
            "limits.keyPrefix", RUN + "roomy:", "limits.bulkLinksPerKey.capacity", "5000", "limits.bulkLinksPerKey.refill", "5000", "limits.bulkLinksPerKey.period", "1m");
    /** The same service with a bulk allowance of 3 links a minute per key. */
    private static final DropwizardAppExtension<ShortenerConfiguration> STINGY = TestApps.shortener(KEYSPACE,
            "limits.keyPrefix", RUN + "stingy:", "limits.bulkLinksPerKey.capacity", "3", "limits.bulkLinksPerKey.refill", "3", "limits.bulkLinksPerKey.period", "1m");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CqlSession cql;

    private final Http http = new Http(APP.getLocalPort());

    @BeforeAll
    static void connect() {
        cql = TestApps.cql();
    }

    @AfterAll
    static void disconnect() {
        cql.close();
    }

    private static long storedLinks() {
        return cql.execute("SELECT count(*) FROM " + KEYSPACE + ".links").one().getLong(0);
    }

    private JsonNode bulk(Http client, String body) throws Exception {
        HttpResponse<String> answer = client.postJson("/api/v1/links/bulk", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static List<Integer> statuses(JsonNode answer) {
        List<Integer> statuses = new ArrayList<>();
        answer.get("results").forEach(result -> statuses.add(result.get("status").asInt()));
        return statuses;
    }

    @Test
    void goodAndBadItemsEachGetTheirOwnAnswerAndOnlyTheGoodOnesAreStored() throws Exception {
        String alias = "bulk-" + System.nanoTime();
        assertThat(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/taken\", \"alias\": \"" + alias + "-taken\"}").statusCode())
                .isEqualTo(201);
        long before = storedLinks();

        JsonNode answer = bulk(http, "["
                + "{\"url\": \"https://example.com/one\", \"tags\": [\"bulk\"]},"
                + "{\"url\": \"ftp://example.com/no\"},"
                + "{\"url\": \"https://example.com/two\", \"alias\": \"" + alias + "\", \"title\": \"Two\"},"
                + "{\"url\": \"https://example.com/taken-again\", \"alias\": \"" + alias + "-taken\"},"
                + "{\"url\": 42},"
                + "null,"
                + "{\"url\": \"https://example.com/three\", \"colour\": \"red\"},"
                + "{\"url\": \"https://example.com/four\", \"utm\": {\"source\": \"bulk\"}}"
                + "]");

        assertThat(statuses(answer)).containsExactly(201, 400, 201, 409, 400, 400, 400, 201);
        assertThat(answer.get("created").asInt()).isEqualTo(3);
        assertThat(answer.get("failed").asInt()).isEqualTo(5);
        JsonNode results = answer.get("results");
        assertThat(results.get(0).get("link").get("tags").get(0).asText()).isEqualTo("bulk");
        assertThat(results.get(2).get("link").get("code").asText()).isEqualTo(alias);
        assertThat(results.get(7).get("link").get("url").asText()).isEqualTo("https://example.com/four?utm_source=bulk");
        assertThat(results.get(1).get("error").get("code").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("error").get("message").asText()).contains("http");
        assertThat(results.get(3).get("error").get("message").asText()).contains("already taken");
        assertThat(results.get(1).has("link")).isFalse();
        assertThat(storedLinks()).isEqualTo(before + 3);
        for (int ok : new int[] {0, 2, 7}) {
            String code = results.get(ok).get("link").get("code").asText();
            assertThat(http.get("/" + code).statusCode()).as(code).isEqualTo(302);
        }
    }

    @Test
    void aThousandLinksGoInOneRequest() throws Exception {
        String tag = "thousand-" + System.nanoTime();
        String items = IntStream.range(0, 1_000)
                .mapToObj(i -> "{\"url\": \"https://example.com/item/" + i + "\", \"tags\": [\"" + tag + "\"]}")
                .collect(Collectors.joining(",", "[", "]"));

        JsonNode answer = bulk(http, items);

        assertThat(answer.get("created").asInt()).isEqualTo(1_000);
        assertThat(statuses(answer)).containsOnly(201);
        JsonNode listed = JSON.readTree(http.get("/api/v1/links?limit=500&tag=" + tag).body());
        assertThat(listed.get("links")).hasSize(500);
        assertThat(listed.get("links").get(0).get("url").asText()).as("newest first: the last item").isEqualTo("https://example.com/item/999");
    }

    @Test
    void whatIsNotAListOfOneToAThousandLinksIsRefusedWhole() throws Exception {
        long before = storedLinks();
        String thousandAndOne = IntStream.range(0, 1_001).mapToObj(i -> "{\"url\": \"https://example.com/x\"}")
                .collect(Collectors.joining(",", "[", "]"));

        assertJsonError(http.postJson("/api/v1/links/bulk", "{\"url\": \"https://example.com/not-a-list\"}"), 400);
        assertJsonError(http.postJson("/api/v1/links/bulk", "[]"), 400);
        assertJsonError(http.postJson("/api/v1/links/bulk", thousandAndOne), 400);
        assertJsonError(http.postJson("/api/v1/links/bulk", "[{\"url\": "), 400);
        assertJsonError(http.anonymous().postJson("/api/v1/links/bulk", "[{\"url\": \"https://example.com/x\"}]"), 401);
        assertThat(storedLinks()).isEqualTo(before);
    }

    @Test
    void itemsPastTheKeysBulkAllowanceAreRefusedWith429Each() throws Exception {
        Http stingy = new Http(STINGY.getLocalPort());
        String items = IntStream.range(0, 5).mapToObj(i -> "{\"url\": \"https://example.com/stingy/" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));

        JsonNode answer = bulk(stingy, items);

        assertThat(statuses(answer)).containsExactly(201, 201, 201, 429, 429);
        assertThat(answer.get("results").get(3).get("error").get("message").asText()).contains("bulk");
        assertThat(statuses(bulk(stingy, "[{\"url\": \"https://example.com/stingy/again\"}]"))).containsExactly(429);
    }
}
