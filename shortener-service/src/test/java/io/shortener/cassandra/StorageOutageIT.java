package io.shortener.cassandra;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.CassandraNode;
import io.shortener.devstack.CassandraNodeSettings;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.junit.Await;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cassandra going away is not the client's fault and not a crash: cached links keep redirecting, what
 * needs Cassandra gets 503 in the JSON shape, and the service recovers by itself.
 */
@ExtendWith(RealRedisCluster.class)
@Tag("links")
class StorageOutageIT {

    private final ProjectHome home = ProjectHome.locate();
    private final CassandraNode node = new CassandraNode(home, home.stackDir("test"),
            CassandraNodeSettings.single("shortener-outage-test", "outage", "127.0.0.13", 17297, true));
    private final ObjectMapper json = new ObjectMapper();
    private DropwizardAppExtension<ShortenerConfiguration> app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.after();
        }
        node.wipe();
    }

    @Test
    void whileCassandraIsDownCachedLinksRedirectOthersGet503AndTheServiceRecovers() throws Exception {
        node.wipe();
        node.start();
        app = TestApps.shortener("it_outage",
                "cassandra.contactPoints[0]", node.endpoint().contactPoint(),
                "cassandra.localDatacenter", node.endpoint().datacenter(),
                "clicks.enabled", "false");
        app.before();
        Http http = new Http(app.getLocalPort());
        Http admin = new Http(app.getAdminPort());
        HttpResponse<String> created = http.postJson("/api/v1/links", "{\"url\": \"https://example.com/outage\"}");
        String code = json.readTree(created.body()).get("code").asText();
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);

        // A clean stop, not kill -9: a lone node syncs its commit log only every 10 s, so a kill could
        // take the link with it, and this test is about the service, not Cassandra's durability.
        assertThat(node.stop()).isTrue();

        assertThat(http.get("/" + code).statusCode()).as("a cached link still redirects").isEqualTo(302);
        HttpResponse<String> uncached = http.get("/never-seen-" + System.nanoTime());
        JsonNode error = assertJsonError(uncached, 503);
        assertThat(error.get("message").asText()).contains("storage is temporarily unavailable");
        assertThat(uncached.headers().firstValue("Retry-After")).hasValue("1");
        assertJsonError(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/during\"}"), 503);
        assertThat(admin.get("/healthcheck").statusCode()).isEqualTo(500);

        node.start();

        Await.until("creates links again once Cassandra is back", Duration.ofSeconds(60),
                () -> http.postJson("/api/v1/links", "{\"url\": \"https://example.com/after\"}").statusCode(), status -> status == 201);
        assertThat(http.get("/never-seen-either").statusCode()).isEqualTo(404);
        assertThat(admin.get("/healthcheck").statusCode()).isEqualTo(200);
    }
}
