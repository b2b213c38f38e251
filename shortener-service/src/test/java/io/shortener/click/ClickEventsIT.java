package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.TestClock;
import io.shortener.clickevent.ClickEvent;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Redirects against the real service, click events read back from the real broker. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("clicks")
class ClickEventsIT {

    private static final String TOPIC = "clicks_it_events";

    private static final TestClock CLOCK = new TestClock();

    static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(CLOCK, "it_click_events",
            "clicks.topic", TOPIC,
            "clicks.countryHeader", "CF-IPCountry",
            "ids.region", "2",
            "ids.machine", "5");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyRedirectBecomesExactlyOneEventWithTheHumanAndBotSplit() throws Exception {
        KafkaTopicReader kafka = new KafkaTopicReader(RealKafka.SETTINGS.bootstrapServers());
        kafka.createTopic(TOPIC, 3);
        Http http = new Http(APP.getLocalPort());
        String code = json.readTree(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/clicked\"}").body())
                .get("code").asText();

        int humans = 0;
        int bots = 0;
        for (int i = 0; i < 5; i++) {
            humans += redirect(http, code, "GET", UserAgentClassifierTest.CHROME_WINDOWS, "https://news.example.com/a", "DE");
        }
        for (int i = 0; i < 3; i++) {
            humans += redirect(http, code, "GET", UserAgentClassifierTest.SAFARI_IPHONE, null, "FR");
        }
        for (int i = 0; i < 2; i++) {
            bots += redirect(http, code, "GET", UserAgentClassifierTest.GOOGLEBOT, null, null);
            bots += redirect(http, code, "GET", UserAgentClassifierTest.FACEBOOK_PREVIEW, null, null);
            bots += redirect(http, code, "HEAD", UserAgentClassifierTest.CHROME_WINDOWS, null, null);
        }
        int total = humans + bots;

        List<JsonNode> events = kafka.readAll(TOPIC, code, total, Duration.ofSeconds(60));

        assertThat(events).hasSize(total);
        assertThat(events.stream().map(e -> e.get("eventId").asLong()).distinct()).hasSize(total);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("schemaVersion").asInt()).isEqualTo(ClickEvent.SCHEMA_VERSION);
            assertThat(e.get("code").asText()).isEqualTo(code);
            assertThat(e.get("region").asInt()).isEqualTo(2);
            assertThat(e.get("instance").asInt()).isEqualTo(5);
            assertThat(e.get("timestamp").asLong()).isCloseTo(CLOCK.millis(), org.assertj.core.api.Assertions.within(120_000L));
            assertThat(e.toString()).as("no raw address leaves the service").doesNotContain("127.0.0.1");
        });
        assertThat(events.stream().filter(e -> !e.get("bot").asBoolean())).hasSize(humans);
        Map<String, Long> devices = events.stream().collect(Collectors.groupingBy(e -> e.get("deviceClass").asText(), Collectors.counting()));
        assertThat(devices).containsEntry("desktop", 5L).containsEntry("mobile", 3L).containsEntry("bot", (long) bots);
        Map<String, Long> countries = events.stream().filter(e -> !e.get("country").isNull())
                .collect(Collectors.groupingBy(e -> e.get("country").asText(), Collectors.counting()));
        assertThat(countries).containsExactlyInAnyOrderEntriesOf(Map.of("DE", 5L, "FR", 3L));
        assertThat(events.stream().filter(e -> "news.example.com".equals(e.get("referrerHost").asText(null)))).hasSize(5);
        Map<String, List<String>> visitorsByBrowser = events.stream().filter(e -> !e.get("bot").asBoolean())
                .collect(Collectors.groupingBy(e -> e.get("browser").asText(),
                        Collectors.mapping(e -> e.get("visitorId").asText(), Collectors.toList())));
        assertThat(visitorsByBrowser.get("Chrome").stream().distinct()).as("one person, one day, one visitor").hasSize(1);
        assertThat(visitorsByBrowser.get("Mobile Safari").stream().distinct()).hasSize(1);
        assertThat(visitorsByBrowser.get("Chrome").get(0)).isNotEqualTo(visitorsByBrowser.get("Mobile Safari").get(0));
    }

    @Test
    void eachEventSaysWhichRedirectRuleAndWhichVariantServedIt() throws Exception {
        KafkaTopicReader kafka = new KafkaTopicReader(RealKafka.SETTINGS.bootstrapServers());
        kafka.createTopic(TOPIC, 3);
        Http http = new Http(APP.getLocalPort());
        String code = json.readTree(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/plain\", \"rules\": ["
                + "{\"when\": {\"country\": [\"DE\"]}, \"url\": \"https://example.de/\"},"
                + "{\"when\": {\"query\": {\"ab\": \"1\"}}, \"split\": [{\"url\": \"https://example.com/a\", \"weight\": 1},"
                + " {\"url\": \"https://example.com/b\", \"weight\": 1}]}]}").body()).get("code").asText();
        Map<String, String> expected = Map.of("https://example.com/plain", "0.0", "https://example.de/", "1.0",
                "https://example.com/a", "2.1", "https://example.com/b", "2.2");
        Map<String, Long> served = new java.util.HashMap<>();
        for (int i = 0; i < 40; i++) {
            String path = "/" + code + (i % 2 == 0 ? "?ab=1" : "");
            String location = http.get(path, "User-Agent", "Mozilla/5.0 (visitor " + i + ")", "CF-IPCountry", i % 5 == 0 ? "DE" : "US")
                    .headers().firstValue("Location").orElseThrow();
            served.merge(expected.get(location), 1L, Long::sum);
        }

        List<JsonNode> events = kafka.readAll(TOPIC, code, 40, Duration.ofSeconds(60));

        assertThat(served.keySet()).as("every target served").containsExactlyInAnyOrder("0.0", "1.0", "2.1", "2.2");
        assertThat(events.stream().collect(Collectors.groupingBy(e -> e.get("rule").asInt() + "." + e.get("variant").asInt(),
                Collectors.counting()))).isEqualTo(served);
    }

    @Test
    void notFoundAndExpiredAnswersAreNoClicks() throws Exception {
        KafkaTopicReader kafka = new KafkaTopicReader(RealKafka.SETTINGS.bootstrapServers());
        kafka.createTopic(TOPIC, 3);
        Http http = new Http(APP.getLocalPort());
        String missing = "never-created-" + System.nanoTime();
        String expired = http.createLink("{\"url\": \"https://example.com/lapsed\", \"expiresAt\": \""
                + CLOCK.instant().plus(Duration.ofHours(1)) + "\"}").get("code").asText();
        String control = http.createLink("{\"url\": \"https://example.com/control\"}").get("code").asText();
        CLOCK.advance(Duration.ofMinutes(61));

        assertThat(http.get("/" + missing).statusCode()).isEqualTo(404);
        assertThat(http.get("/" + expired).statusCode()).isEqualTo(410);
        // The positive control, after the refusals: its one event shows the pipeline carried whatever came before it.
        assertThat(http.get("/" + control).statusCode()).isEqualTo(302);

        List<JsonNode> events = kafka.readAll(TOPIC, Set.of(missing, expired, control), 1, Duration.ofSeconds(60));
        assertThat(events).extracting(event -> event.get("code").asText()).containsExactly(control);
    }

    private static int redirect(Http http, String code, String method, String userAgent, String referer, String country) {
        HttpRequest.Builder request = http.request("/" + code).method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent);
        if (referer != null) {
            request.header("Referer", referer);
        }
        if (country != null) {
            request.header("CF-IPCountry", country);
        }
        assertThat(http.send(request.build()).statusCode()).isEqualTo(302);
        return 1;
    }
}
