package io.shortener.link;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class LinkApiIT {

    /** Not the port the app listens on (a free one): short URLs name the configured public base, whatever serves them. */
    private static final String PUBLIC_BASE = "https://go.example.test";
    private static final TestClock CLOCK = new TestClock();

    /** A fixed machine ID, not a lease: a lease read through a clock moved an hour ahead would look expired. */
    static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(CLOCK, "it_link_api",
            "links.publicBaseUrl", PUBLIC_BASE, "ids.machine", "1");

    private final ObjectMapper json = new ObjectMapper();
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(APP.getLocalPort());
    }

    @Test
    void createsALinkWith201AndALocationAndDescribesIt() throws Exception {
        HttpResponse<String> response = http.postJson("/api/v1/links", "{\"url\": \"https://example.com/docs?page=1\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode link = json.readTree(response.body());
        String code = link.get("code").asText();
        assertThat(code).matches("[0-9A-Za-z]{11}");
        assertThat(link.get("shortUrl").asText()).isEqualTo(PUBLIC_BASE + "/" + code);
        assertThat(link.get("url").asText()).isEqualTo("https://example.com/docs?page=1");
        assertThat(Instant.parse(link.get("createdAt").asText())).isCloseTo(CLOCK.instant(), org.assertj.core.api.Assertions.within(5, ChronoUnit.SECONDS));
        assertThat(link.get("expiresAt").isNull()).isTrue();
        assertThat(link.get("redirectType").asInt()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(PUBLIC_BASE + "/api/v1/links/" + code);
    }

    /**
     * Creates have two doors: CreateLinkHandler takes the common shape (a JSON body of a declared length), and
     * Jersey's LinkResource everything else, such as a chunked body. A client cannot tell which answered.
     */
    @Test
    void createsTheSameWayWhicheverDoorTheRequestTakes() throws Exception {
        String expiresAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = "{\"url\": \"https://example.com/two-doors\", \"expiresAt\": \"" + expiresAt + "\", \"redirectType\": 301}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = http.postJson("/api/v1/links", body);
        HttpResponse<String> chunked = http.send(http.request("/api/v1/links")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build());

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode link = json.readTree(response.body());
            assertThat(response.headers().firstValue("Location")).hasValue(PUBLIC_BASE + "/api/v1/links/" + link.get("code").asText());
            assertThat(http.get("/" + link.get("code").asText()).statusCode()).isEqualTo(301);
        }
        JsonNode one = json.readTree(declared.body());
        JsonNode other = json.readTree(chunked.body());
        assertThat(fieldNames(one)).isEqualTo(fieldNames(other));
        for (String field : List.of("url", "expiresAt", "redirectType")) {
            assertThat(one.get(field)).as(field).isEqualTo(other.get(field));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void redirectsToTheLongUrlWith302() throws Exception {
        String code = http.createCode("{\"url\": \"https://example.com/landing?utm_source=test\"}");

        HttpResponse<String> redirect = http.get("/" + code);

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://example.com/landing?utm_source=test");
        assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("private, max-age=90");
        assertThat(redirect.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
    }

    @Test
    void answersHeadLikeGetWithoutABody() throws Exception {
        String code = http.createCode("{\"url\": \"https://example.com/head\"}");

        HttpResponse<String> redirect = http.head("/" + code);

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://example.com/head");
        assertThat(redirect.body()).isEmpty();
    }

    @Test
    void usesTheRequestedRedirectTypeWithAMaxAgeFitForIt() throws Exception {
        for (int status : new int[] {301, 307, 308}) {
            String code = http.createCode("{\"url\": \"https://example.com/" + status + "\", \"redirectType\": " + status + "}");

            HttpResponse<String> redirect = http.get("/" + code);

            assertThat(redirect.statusCode()).isEqualTo(status);
            assertThat(redirect.headers().firstValue("Location")).hasValue("https://example.com/" + status);
            assertThat(redirect.headers().firstValue("Cache-Control"))
                    .hasValue(status == 307 ? "private, max-age=90" : "private, max-age=3600");
        }
    }

    @Test
    void aCustomAliasRedirectsAndIsCaseSensitive() throws Exception {
        String alias = "Launch-" + System.nanoTime();
        assertThat(http.createCode("{\"url\": \"https://example.com/launch\", \"alias\": \"" + alias + "\"}")).isEqualTo(alias);

        assertThat(http.get("/" + alias).statusCode()).isEqualTo(302);
        assertThat(http.get("/" + alias.toLowerCase()).statusCode()).isEqualTo(404);
    }

    @Test
    void readsALinkBackAsJson() throws Exception {
        String expiresAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> created = http.postJson("/api/v1/links",
                "{\"url\": \"https://example.com/read\", \"expiresAt\": \"" + expiresAt + "\", \"redirectType\": 308}");
        JsonNode createdLink = json.readTree(created.body());

        HttpResponse<String> read = http.get("/api/v1/links/" + createdLink.get("code").asText());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body())).isEqualTo(createdLink);
        assertThat(createdLink.get("expiresAt").asText()).isEqualTo(expiresAt);
    }

    @Test
    void acceptsAnExpiryWithAnOffsetAndAnswersItInUtc() throws Exception {
        int year = Instant.now().atZone(java.time.ZoneOffset.UTC).getYear() + 1;
        HttpResponse<String> created = http.postJson("/api/v1/links",
                "{\"url\": \"https://example.com/offset\", \"expiresAt\": \"" + year + "-03-01T10:00:00+02:00\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("expiresAt").asText()).isEqualTo(year + "-03-01T08:00:00Z");
    }

    @Test
    void deletingALinkMakesItsRedirectAndItsReadAnswer404() throws Exception {
        String code = http.createCode("{\"url\": \"https://example.com/delete-me\"}");
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);

        assertThat(http.delete("/api/v1/links/" + code).statusCode()).isEqualTo(204);

        assertJsonError(http.get("/" + code), 404);
        assertJsonError(http.get("/api/v1/links/" + code), 404);
        assertJsonError(http.delete("/api/v1/links/" + code), 404);
    }

    @Test
    void aDeletedAliasCannotBeClaimedAgain() throws Exception {
        String alias = "once-" + System.nanoTime();
        http.createCode("{\"url\": \"https://example.com/first\", \"alias\": \"" + alias + "\"}");
        http.delete("/api/v1/links/" + alias);

        HttpResponse<String> again = http.postJson("/api/v1/links", "{\"url\": \"https://evil.example/\", \"alias\": \"" + alias + "\"}");

        assertJsonError(again, 409);
        assertJsonError(http.get("/" + alias), 404);
    }

    @Test
    void anUnknownCodeIs404WithAJsonBody() throws Exception {
        assertJsonError(http.get("/nosuchcode"), 404);
        assertJsonError(http.get("/00000000000"), 404);
        assertJsonError(http.get("/api/v1/links/nosuchcode"), 404);
        assertJsonError(http.delete("/api/v1/links/nosuchcode"), 404);
        assertJsonError(http.get("/not.a.code"), 404);
    }

    @Test
    void anExpiredLinkIs410() throws Exception {
        String expiresAt = CLOCK.instant().plus(1, ChronoUnit.HOURS).toString();
        String code = http.createCode("{\"url\": \"https://example.com/soon-gone\", \"expiresAt\": \"" + expiresAt + "\"}");
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);

        CLOCK.advance(Duration.ofMinutes(61));

        HttpResponse<String> gone = http.get("/" + code);
        assertJsonError(gone, 410);
        assertThat(json.readTree(gone.body()).get("message").asText()).contains("expired");
        assertThat(http.get("/api/v1/links/" + code).statusCode()).as("the link itself is still there").isEqualTo(200);
    }

    @Test
    void theHealthCheckReportsCassandra() throws Exception {
        HttpResponse<String> health = new Http(APP.getAdminPort()).get("/healthcheck");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode cassandra = json.readTree(health.body()).get("cassandra");
        assertThat(cassandra.get("healthy").asBoolean()).isTrue();
        assertThat(cassandra.get("message").asText()).contains("Cassandra 5.0").contains("dc1");
    }

}
