package io.shortener.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.StatsPolling;
import io.shortener.TestApps;
import io.shortener.clickhouse.AnalystQuery;
import io.shortener.devstack.AnalyticsJob;
import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.devstack.KafkaBroker;
import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.SparkJobSettings;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole click pipeline on real servers: redirects in the service → Kafka → the analytics Spark job →
 * ClickHouse → the stats API. Counts are exact: through bots, a Kafka outage, and a kill -9 of the job.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealClickHouse.class})
class ClickAnalyticsIT {

    private static final String DATABASE = "it_click_analytics";
    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(150);
    /** A broker of this test's own, which it stops and starts. */
    private static final KafkaBrokerSettings KAFKA = KafkaBrokerSettings.single("analytics", "127.0.0.16");
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final List<String> BOTS = List.of("Googlebot/2.1 (+http://www.google.com/bot.html)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "curl/8.5.0");

    private static final ProjectHome HOME = ProjectHome.locate();
    private static final KafkaBroker BROKER = new KafkaBroker(HOME, HOME.stackDir("test"), KAFKA);
    private static final AnalyticsJob JOB = new AnalyticsJob(HOME, HOME.stackDir("test").resolve("analytics-it"),
            SparkJobSettings.local().withTrigger("1 second"));
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(DATABASE,
            "clicks.bootstrapServers", KAFKA.bootstrapServers(),
            "clicks.countryHeader", "CF-IPCountry");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Http http;

    @BeforeAll
    static void startThePipeline() throws Exception {
        RealClickHouse.freshDatabase(DATABASE);
        BROKER.wipe();
        BROKER.start();
        JOB.wipe();
        JOB.start(KAFKA, "clicks", RealClickHouse.SETTINGS.withDatabase(DATABASE));
        APP.before();
        http = new Http(APP.getLocalPort());
    }

    @AfterAll
    static void stopThePipeline() {
        APP.after();
        JOB.stop();
        BROKER.wipe();
    }

    @Test
    void everyRedirectIsCountedOnceInTheStatsApiAndClickHouseWithHumansAndBotsApart() throws Exception {
        String code = link("mixed");
        for (int i = 0; i < 60; i++) {
            redirect(code, "User-Agent", i % 2 == 0 ? CHROME : IPHONE, "CF-IPCountry", i % 3 == 0 ? "FR" : "DE",
                    "Referer", i % 4 == 0 ? "https://news.example/story" : "https://mail.example/inbox");
        }
        for (int i = 0; i < 20; i++) {
            redirect(code, "User-Agent", BOTS.get(i % BOTS.size()));
        }
        for (int i = 0; i < 10; i++) {
            HttpRequest head = http.request("/" + code).header("User-Agent", CHROME)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            assertThat(http.send(head).statusCode()).isEqualTo(302);
        }

        JsonNode stats = StatsPolling.awaitClicks(http, code, 90, COUNTED_WITHIN);

        assertThat(stats.get("totals").get("clicks").asLong()).isEqualTo(90);
        assertThat(stats.get("totals").get("humanClicks").asLong()).isEqualTo(60);
        assertThat(stats.get("totals").get("botClicks").asLong()).as("crawlers, link previews, scripts, HEAD").isEqualTo(30);
        assertThat(stats.get("top").get("countries")).isEqualTo(JSON.readTree("[{\"value\": \"DE\", \"clicks\": 40, \"humanClicks\": 40},"
                + "{\"value\": \"\", \"clicks\": 30, \"humanClicks\": 0}, {\"value\": \"FR\", \"clicks\": 20, \"humanClicks\": 20}]"));
        assertThat(stats.get("totals").get("uniqueVisitors").asLong()).as("two browsers from one address").isEqualTo(2);
        assertThat(stats.get("top").get("referrers").findValuesAsText("value")).contains("mail.example", "news.example");
        assertThat(stats.get("top").get("devices").findValuesAsText("value")).contains("desktop", "mobile");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String botShare = new AnalystQuery(HOME.clickHouseQueries(), "bot_share")
                .render(Map.of("from", today, "to", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), "limit", "1000"));
        assertThat(clickhouse().rows(DATABASE, botShare)).contains(List.of(code, "90", "30", "0.3333"));
    }

    @Test
    void whileKafkaIsStoppedNoRedirectFailsAndAfterItReturnsEveryClickIsCountedOnce() throws Exception {
        String code = link("outage");
        redirects(code, 40);
        assertThat(BROKER.stop()).isTrue();
        redirects(code, 80);
        BROKER.start();
        redirects(code, 40);

        assertExactly(code, 160);
    }

    @Test
    void aJobKilledMidStreamAndStartedAgainCountsEveryClickOnce() throws Exception {
        String code = link("killed");
        redirects(code, 50);
        StatsPolling.awaitClicks(http, code, 1, COUNTED_WITHIN);
        AtomicInteger sent = new AtomicInteger();
        Thread clicking = new Thread(() -> {
            for (int i = 0; i < 150; i++) {
                redirect(code, "User-Agent", CHROME);
                sent.incrementAndGet();
                sleep(10);
            }
        });
        clicking.start();
        sleep(500);
        JOB.running().orElseThrow().kill();
        clicking.join();
        JOB.start(KAFKA, "clicks", RealClickHouse.SETTINGS.withDatabase(DATABASE));
        redirects(code, 50);

        assertThat(sent.get()).isEqualTo(150);
        assertExactly(code, 250);
    }

    /** Waits for the count, then a few batches more, so a late duplicate would show. */
    private static void assertExactly(String code, long clicks) {
        StatsPolling.awaitClicks(http, code, clicks, COUNTED_WITHIN);
        sleep(3_000);
        assertThat(StatsPolling.stats(http, code).get("totals").get("clicks").asLong()).isEqualTo(clicks);
        String sql = "SELECT sum(clicks) FROM link_clicks_minute FINAL WHERE code = '" + code + "'";
        assertThat(clickhouse().rows(DATABASE, sql)).containsExactly(List.of(Long.toString(clicks)));
    }

    private static String link(String name) throws Exception {
        return JSON.readTree(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/" + name + "\"}").body())
                .get("code").asText();
    }

    private static void redirects(String code, int times) {
        for (int i = 0; i < times; i++) {
            redirect(code, "User-Agent", CHROME);
        }
    }

    private static void redirect(String code, String... headers) {
        assertThat(http.get("/" + code, headers).statusCode()).isEqualTo(302);
    }

    private static ClickHouseHttp clickhouse() {
        return new ClickHouseHttp(RealClickHouse.SETTINGS.httpUrl());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
