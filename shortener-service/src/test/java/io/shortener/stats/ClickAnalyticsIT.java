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
import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.devstack.AnalyticsJob;
import io.shortener.devstack.KafkaBroker;
import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.SparkJobSettings;
import io.shortener.devstack.junit.Await;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.JobProgress;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole click pipeline on real servers: redirects in the service → Kafka → the analytics Spark job →
 * ClickHouse → the stats API. Counts are exact: through bots, a Kafka outage, and a kill -9 of the job.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealClickHouse.class})
@Tag("clicks")
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
            SparkJobSettings.test());
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(DATABASE,
            "clicks.bootstrapServers", KAFKA.bootstrapServers(),
            "clicks.countryHeader", "CF-IPCountry");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Germany to one site; everyone else split evenly between two pages. */
    private static final String SPLIT_UNLESS_GERMANY = "[{\"when\": {\"country\": [\"DE\"]}, \"url\": \"https://example.de/\"},"
            + " {\"split\": [{\"url\": \"https://example.com/a\", \"weight\": 1}, {\"url\": \"https://example.com/b\", \"weight\": 1}]}]";
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
    void eachRuleAndVariantThatServedIsCountedExactlyInTheStatsApiAndClickHouse() throws Exception {
        String code = link("ruled", SPLIT_UNLESS_GERMANY);
        Map<String, Integer> served = new ConcurrentHashMap<>();
        for (int i = 0; i < 240; i++) {
            // A new visitor each time (another browser version), so that the split has many to share out.
            String agent = CHROME.replace("131.0", "131." + i);
            served.merge(i % 4 == 0 ? redirect(code, "User-Agent", agent, "CF-IPCountry", "DE") : redirect(code, "User-Agent", agent),
                    1, Integer::sum);
        }

        assertCountedByTarget(code, served);
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
    void aJobKilledMidStreamAndStartedAgainCountsEveryClickOnceAndEachVariantsClicksExactly() throws Exception {
        String code = link("killed", SPLIT_UNLESS_GERMANY);
        Map<String, Integer> served = new ConcurrentHashMap<>();
        AtomicInteger visitor = new AtomicInteger();
        Runnable click = () -> served.merge(redirect(code, "User-Agent", CHROME.replace("131.0", "131." + visitor.incrementAndGet())),
                1, Integer::sum);
        for (int i = 0; i < 50; i++) {
            click.run();
        }
        StatsPolling.awaitClicks(http, code, 1, COUNTED_WITHIN);
        AtomicInteger sent = new AtomicInteger();
        Thread clicking = new Thread(() -> {
            for (int i = 0; i < 150; i++) {
                click.run();
                sent.incrementAndGet();
                sleep(10);
            }
        });
        clicking.start();
        // Killed while clicks keep coming: some sent before, the rest after.
        Await.until("a third of the clicks sent", COUNTED_WITHIN, () -> sent.get() >= 50);
        JOB.running().orElseThrow().kill();
        clicking.join();
        JOB.start(KAFKA, "clicks", RealClickHouse.SETTINGS.withDatabase(DATABASE));
        for (int i = 0; i < 50; i++) {
            click.run();
        }

        assertThat(sent.get()).isEqualTo(150);
        assertExactly(code, 250);
        assertCountedByTarget(code, served);
    }

    /**
     * The stats API's targets and clicks_raw hold exactly the clicks each target URL was seen to serve
     * (rule 1: Germany; rule 2's variants 1 and 2: the split), with no other target.
     */
    private static void assertCountedByTarget(String code, Map<String, Integer> served) throws Exception {
        long total = served.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, String> targetOf = Map.of("https://example.de/", "1.0", "https://example.com/a", "2.1", "https://example.com/b", "2.2");
        assertThat(served.keySet()).as("the split sent visitors to both variants").containsAll(List.of("https://example.com/a",
                "https://example.com/b"));
        Map<String, Long> expected = new HashMap<>();
        served.forEach((url, clicks) -> expected.put(targetOf.get(url), (long) clicks));

        JsonNode stats = StatsPolling.awaitClicks(http, code, total, COUNTED_WITHIN);
        Map<String, Long> byTarget = new HashMap<>();
        stats.get("targets").forEach(target -> byTarget.put(target.get("rule").asInt() + "." + target.get("variant").asInt(),
                target.get("clicks").asLong()));
        assertThat(byTarget).isEqualTo(expected);
        Map<String, Long> raw = new HashMap<>();
        clickhouse().rows(DATABASE, "SELECT rule, variant, count() FROM clicks_raw FINAL WHERE code = '" + code + "' GROUP BY rule, variant")
                .forEach(row -> raw.put(row.get(0) + "." + row.get(1), Long.parseLong(row.get(2))));
        assertThat(raw).isEqualTo(expected);
    }

    /**
     * Waits for the count, then until nothing can change it: the service has handed every click to Kafka (its
     * journal holds no unsent bytes) and the job has committed everything on the topic. A late duplicate would show.
     */
    private static void assertExactly(String code, long clicks) throws Exception {
        StatsPolling.awaitClicks(http, code, clicks, COUNTED_WITHIN);
        Await.until("the service has sent every click", COUNTED_WITHIN,
                () -> (Long) APP.getEnvironment().metrics().getGauges().get("clicks.pending-bytes").getValue(), pending -> pending == 0);
        new JobProgress(KAFKA.bootstrapServers(), "clicks", JOB).awaitCaughtUp(COUNTED_WITHIN);
        assertThat(StatsPolling.stats(http, code).get("totals").get("clicks").asLong()).isEqualTo(clicks);
        String sql = "SELECT sum(clicks) FROM link_clicks_minute FINAL WHERE code = '" + code + "'";
        assertThat(clickhouse().rows(DATABASE, sql)).containsExactly(List.of(Long.toString(clicks)));
    }

    private static String link(String name) throws Exception {
        return link(name, "[]");
    }

    private static String link(String name, String rules) throws Exception {
        return JSON.readTree(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/" + name + "\", \"rules\": " + rules + "}")
                .body()).get("code").asText();
    }

    private static void redirects(String code, int times) {
        for (int i = 0; i < times; i++) {
            redirect(code, "User-Agent", CHROME);
        }
    }

    /** The redirect's Location. */
    private static String redirect(String code, String... headers) {
        HttpResponse<String> response = http.get("/" + code, headers);
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
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
