package io.shortener.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.access.ApiKey;
import io.shortener.access.ApiKeySecrets;
import io.shortener.access.ApiKeyStore;
import io.shortener.access.Scope;
import io.shortener.TestApps;
import io.shortener.devstack.AnalyticsJob;
import io.shortener.devstack.Ports;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.SparkJobSettings;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web page end to end in a real browser (Debian's Chromium, headless): a person enters a key, shortens
 * a link with the keyboard, copies it, follows it, and sees the click arrive in the stats chart, counted by
 * the real pipeline (Kafka, the analytics job, ClickHouse). Screenshots of each view stay in
 * target/browser/screenshots.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, RealClickHouse.class})
@Tag("links")
class WebPageIT {

    private static final String DATABASE = "it_web_page";
    private static final int PORT = Ports.free();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final ProjectHome HOME = ProjectHome.locate();
    private static final AnalyticsJob JOB = new AnalyticsJob(HOME, HOME.stackDir("test").resolve("web-it"),
            SparkJobSettings.test());
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(DATABASE,
            "server.applicationConnectors[0].port", Integer.toString(PORT),
            "links.publicBaseUrl", BASE);

    @BeforeAll
    static void start() throws Exception {
        RealClickHouse.freshDatabase(DATABASE);
        JOB.wipe();
        JOB.start(RealKafka.SETTINGS, "clicks", RealClickHouse.SETTINGS.withDatabase(DATABASE));
        APP.before();
    }

    @AfterAll
    static void stop() {
        APP.after();
        JOB.stop();
    }

    /** A key of an account of its own: the page lists that account's links, and no other test's. */
    private static String accountKey() {
        String key = new ApiKeySecrets(new SecureRandom()).generate();
        try (CqlSession cql = TestApps.cql()) {
            new ApiKeyStore(cql, DATABASE).create(new ApiKey(ApiKeySecrets.hash(key), "page-" + System.nanoTime(), "page-" + System.nanoTime(),
                    EnumSet.of(Scope.LINKS_WRITE, Scope.LINKS_READ, Scope.STATS_READ), ApiKeySecrets.displayPrefix(key), Instant.now(), null, null));
        }
        return key;
    }

    @Test
    void aPersonShortensALinkFollowsItAndSeesTheClickInTheChart() throws Exception {
        String key = accountKey();
        HttpResponse<String> elsewhere = new Http(PORT, key).postJson("/api/v1/links",
                "{\"url\": \"https://example.com/made-by-the-api\", \"title\": \"Made by the API\", \"tags\": [\"api\"]}");
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(201);
        String madeElsewhere = new ObjectMapper().readTree(elsewhere.body()).get("code").asText();
        BrowserScript tour = new BrowserScript("page-tour.mjs");
        JsonNode seen = tour.run(BASE, key, madeElsewhere);
        String created = seen.path("shortUrl").asText().substring(BASE.length() + 1);

        assertThat(seen.path("failures")).as("errors in the page's console; saw %s", seen).isEmpty();
        assertThat(seen.path("landedOn").asText()).as("/ leads to the page").isEqualTo("/ui/");
        assertThat(seen.path("unlabelled")).as("fields without a label").isEmpty();
        assertThat(seen.path("keyInSessionStorage").asBoolean()).isTrue();
        assertThat(seen.path("keyInLocalStorage").asBoolean()).as("nothing kept beyond the tab").isFalse();
        assertThat(seen.path("shortUrl").asText()).matches(java.util.regex.Pattern.quote(BASE) + "/[0-9A-Za-z]{11}");
        assertThat(seen.path("focusedAfterCreate").asText()).as("focus moves to the new short link").isEqualTo("result-link");
        assertThat(seen.path("qrAlt").asText()).isEqualTo("QR code of " + seen.path("shortUrl").asText());
        assertThat(seen.path("clipboard").asText()).isEqualTo(seen.path("shortUrl").asText());
        assertThat(seen.path("followedStatus").asInt()).isEqualTo(302);
        assertThat(seen.path("followedLocation").asText()).isEqualTo("https://example.com/from-the-page");
        assertThat(seen.path("listedFirst")).as("the account's links, made elsewhere").extracting(JsonNode::asText).containsExactly(madeElsewhere);
        assertThat(seen.path("listed")).as("newest first").extracting(JsonNode::asText).containsExactly(created, madeElsewhere);
        assertThat(seen.path("listedTitle").asText()).isEqualTo("Made on the page");
        assertThat(seen.path("tagged")).as("a tag's links").extracting(JsonNode::asText).containsExactly(created);
        assertThat(seen.path("searched")).as("a search by code").extracting(JsonNode::asText).containsExactly(madeElsewhere);
        assertThat(seen.path("chartClicks").asInt()).as("the click in the chart").isEqualTo(1);
        assertThat(seen.path("totals").asText()).startsWith("1 click (1 by people, 0 by bots)");
        assertThat(seen.path("referrers").toString()).contains("news.example: 1");
        assertThat(seen.path("devices").toString()).contains("desktop: 1");
        assertThat(seen.path("phoneOverflow").asInt()).as("pixels wider than a phone's screen").isLessThanOrEqualTo(0);
        for (String view : new String[] {"created.png", "list.png", "stats.png", "phone.png"}) {
            assertThat(Files.size(tour.screenshots().resolve(view))).as(view).isPositive();
        }
    }
}
