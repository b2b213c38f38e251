package io.shortener.stats;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stats API over a real ClickHouse holding counts as analytics-spark writes them (a replayed batch
 * included); the whole pipeline feeding it is ClickAnalyticsIT's.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, RealClickHouse.class, DropwizardExtensionsSupport.class})
@Tag("clicks")
class StatsApiIT {

    private static final String DATABASE = "it_stats_api";
    static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(DATABASE);
    static final DropwizardAppExtension<ShortenerConfiguration> WITHOUT_CLICKHOUSE = TestApps.shortener(DATABASE,
            "stats.clickHouseUrl", "jdbc:clickhouse://127.0.0.1:1/nowhere?compress=false");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String code;

    @BeforeAll
    static void aLinkWithClicksInClickHouse() throws Exception {
        RealClickHouse.freshDatabase(DATABASE);
        Http http = new Http(APP.getLocalPort());
        code = JSON.readTree(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/counted\"}").body()).get("code").asText();
        ClickHouseHttp clickhouse = new ClickHouseHttp(RealClickHouse.SETTINGS.httpUrl());
        for (int copy = 0; copy < 2; copy++) { // batch 1 twice: a replay
            clickhouse.execute(DATABASE, "INSERT INTO link_clicks_minute VALUES ('" + code + "', '2026-11-24 10:01:00', 1, 3, 2)");
            clickhouse.execute(DATABASE, "INSERT INTO link_clicks_minute_by VALUES "
                    + "('" + code + "', 'referrer', '2026-11-24 10:01:00', 'news.example', 1, 2, 1),"
                    + "('" + code + "', 'referrer', '2026-11-24 10:01:00', '', 1, 1, 1),"
                    + "('" + code + "', 'device', '2026-11-24 10:01:00', 'desktop', 1, 2, 2),"
                    + "('" + code + "', 'device', '2026-11-24 10:01:00', 'bot', 1, 1, 0)");
            clickhouse.execute(DATABASE, "INSERT INTO link_visitors_minute VALUES ('" + code + "', '2026-11-24 10:01:00', 1, 'v1'),"
                    + " ('" + code + "', '2026-11-24 10:01:00', 1, 'v2'), ('" + code + "', '2026-11-24 10:01:00', 0, 'crawler')");
        }
        clickhouse.execute(DATABASE, "INSERT INTO link_clicks_minute VALUES ('" + code + "', '2026-11-24 12:30:00', 2, 4, 4),"
                + " ('" + code + "', '2026-11-23 23:59:00', 2, 100, 100)");
        clickhouse.execute(DATABASE, "INSERT INTO link_clicks_minute_by VALUES "
                + "('" + code + "', 'referrer', '2026-11-24 12:30:00', 'news.example', 2, 4, 4),"
                + "('" + code + "', 'device', '2026-11-24 12:30:00', 'mobile', 2, 4, 4)");
        clickhouse.execute(DATABASE, "INSERT INTO link_visitors_minute VALUES ('" + code + "', '2026-11-24 12:30:00', 1, 'v1')");
    }

    @Test
    void answersTotalsAHourlySeriesWithEmptyHoursAndTopValues() throws Exception {
        HttpResponse stats = get("/api/v1/links/" + code + "/stats?from=2026-11-24T10:00:00Z&to=2026-11-24T13:00:00Z&interval=hour");

        assertThat(stats.status()).isEqualTo(200);
        JsonNode body = stats.json();
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("interval").asText()).isEqualTo("hour");
        assertThat(body.get("totals")).isEqualTo(JSON.readTree(
                "{\"clicks\": 7, \"humanClicks\": 6, \"botClicks\": 1, \"uniqueVisitors\": 2}"));
        assertThat(body.get("series")).isEqualTo(JSON.readTree("["
                + "{\"start\": \"2026-11-24T10:00:00Z\", \"clicks\": 3, \"humanClicks\": 2},"
                + "{\"start\": \"2026-11-24T11:00:00Z\", \"clicks\": 0, \"humanClicks\": 0},"
                + "{\"start\": \"2026-11-24T12:00:00Z\", \"clicks\": 4, \"humanClicks\": 4}]"));
        assertThat(body.get("top").get("referrers")).isEqualTo(JSON.readTree("["
                + "{\"value\": \"news.example\", \"clicks\": 6, \"humanClicks\": 5},"
                + "{\"value\": \"\", \"clicks\": 1, \"humanClicks\": 1}]"));
        assertThat(body.get("top").get("devices").findValuesAsText("value")).containsExactly("mobile", "desktop", "bot");
        assertThat(body.get("top").get("countries")).isEmpty();
    }

    @Test
    void aDaySeriesStartsAtMidnightUtcAndDatesMeanMidnight() throws Exception {
        JsonNode body = get("/api/v1/links/" + code + "/stats?from=2026-11-23&to=2026-11-25&interval=day").json();

        assertThat(body.get("series").findValuesAsText("start")).containsExactly("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z");
        assertThat(body.get("series").findValues("clicks")).extracting(JsonNode::asLong).containsExactly(100L, 7L);
    }

    @Test
    void anUnknownCodeIs404() {
        assertJsonError(new Http(APP.getLocalPort()).get("/api/v1/links/doesNotExist1/stats"), 404);
    }

    @Test
    void badParametersAre400WithTheJsonErrorShape() {
        Http http = new Http(APP.getLocalPort());
        String stats = "/api/v1/links/" + code + "/stats";
        assertThat(assertJsonError(http.get(stats + "?interval=week"), 400).get("message").asText()).contains("minute, hour, day");
        assertThat(assertJsonError(http.get(stats + "?from=yesterday"), 400).get("message").asText()).contains("ISO-8601");
        assertJsonError(http.get(stats + "?to=2026-13-45"), 400);
        assertJsonError(http.get(stats + "?from=2026-11-25&to=2026-11-24"), 400);
        assertJsonError(http.get(stats + "?from=2026-11-25T10:00:00Z&to=2026-11-25T10:00:30Z"), 400);
        assertThat(assertJsonError(http.get(stats + "?from=2026-01-01&to=2026-11-01&interval=minute"), 400)
                .get("message").asText()).contains("longer interval");
    }

    @Test
    void withoutClickHouseStatsAre503AndTheInstanceStaysHealthy() throws Exception {
        Http http = new Http(WITHOUT_CLICKHOUSE.getLocalPort());

        assertThat(assertJsonError(http.get("/api/v1/links/" + code + "/stats"), 503).get("message").asText())
                .contains("redirects are not affected");
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);
        HttpResponse health = new HttpResponse(new Http(WITHOUT_CLICKHOUSE.getAdminPort()).get("/healthcheck"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("clickhouse").get("message").asText()).startsWith("DEGRADED");
    }

    private static HttpResponse get(String path) {
        return new HttpResponse(new Http(APP.getLocalPort()).get(path));
    }

    private record HttpResponse(java.net.http.HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        JsonNode json() throws Exception {
            return JSON.readTree(response.body());
        }
    }
}
