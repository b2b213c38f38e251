package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.KafkaBroker;
import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.junit.Await;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealRedisCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka stopped while redirects go on, on a broker of this test's own: no redirect fails, no click is
 * lost, and the instance stays in service with its health saying it is degraded.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class})
@Tag("clicks")
class KafkaOutageIT {

    private static final KafkaBrokerSettings KAFKA = KafkaBrokerSettings.single("outage", "127.0.0.15");

    private final ProjectHome home = ProjectHome.locate();
    private final KafkaBroker broker = new KafkaBroker(home, home.stackDir("test"), KAFKA);
    private final ObjectMapper json = new ObjectMapper();
    private DropwizardAppExtension<ShortenerConfiguration> app;

    @TempDir
    java.nio.file.Path spool;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.after();
        }
        broker.wipe();
    }

    @Test
    void whileKafkaIsStoppedRedirectsSucceedAndAfterItReturnsEveryClickIsThere() throws Exception {
        broker.wipe();
        broker.start();
        app = TestApps.shortener("it_kafka_outage",
                "clicks.bootstrapServers", KAFKA.bootstrapServers(),
                "clicks.spoolDirectory", spool.toString());
        app.before();
        Http http = new Http(app.getLocalPort());
        Http admin = new Http(app.getAdminPort());
        String code = json.readTree(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/outage\"}").body())
                .get("code").asText();

        int redirects = redirect(http, code, 100);
        assertThat(broker.stop()).isTrue();
        redirects += redirect(http, code, 300);
        Await.until("the sender to find Kafka away", Duration.ofSeconds(30), () -> "AWAY".equals(app.getEnvironment().metrics().getGauges()
                .get("clicks.kafka").getValue()));
        assertThat(json.readTree(admin.get("/healthcheck").body()).get("clicks").get("message").asText()).startsWith("DEGRADED");
        assertThat(admin.get("/healthcheck").statusCode()).as("Kafka away is no reason to take the instance out").isEqualTo(200);

        broker.start();
        redirects += redirect(http, code, 100);

        List<JsonNode> events = new KafkaTopicReader(KAFKA.bootstrapServers()).readAll("clicks", redirects, Duration.ofSeconds(90));
        // At least once: a batch that was half-written when the broker went away is sent again from the
        // journal, whole. Every click is there; duplicates share an eventId and the analytics job counts each id once.
        assertThat(events.stream().map(e -> e.get("eventId").asLong()).distinct()).hasSize(redirects);
        assertThat(events.size()).isBetween(redirects, 2 * redirects);
        assertThat(app.getEnvironment().metrics().counter("clicks.resent").getCount()).isPositive();
        assertThat(app.getEnvironment().metrics().counter("clicks.dropped").getCount()).isZero();
    }

    /** Redirects with a browser's User-Agent; every one must be a 302 whatever Kafka is doing. */
    private static int redirect(Http http, String code, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(http.send(http.request("/" + code).header("User-Agent", UserAgentClassifierTest.CHROME_WINDOWS).GET().build())
                    .statusCode()).isEqualTo(302);
        }
        return times;
    }
}
