package io.shortener.cache;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two instances of the service, one Cassandra, one Redis Cluster: a delete through one reaches the other's L1. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
class TwoInstancesIT {

    /** The README's bound for a delete to reach every instance while Redis pub/sub works. */
    private static final long STALENESS_BOUND_MILLIS = 1000;

    static final DropwizardAppExtension<ShortenerConfiguration> FIRST = TestApps.shortener("it_two_instances",
            "ids.machine", "1");
    static final DropwizardAppExtension<ShortenerConfiguration> SECOND = TestApps.shortener("it_two_instances",
            "ids.machine", "2");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aLinkDeletedThroughOneInstanceStopsRedirectingOnTheOtherWithinTheBound() throws Exception {
        Http first = new Http(FIRST.getLocalPort());
        Http second = new Http(SECOND.getLocalPort());
        HttpResponse<String> created = first.postJson("/api/v1/links", "{\"url\": \"https://example.com/shared\"}");
        String code = json.readTree(created.body()).get("code").asText();
        // Both instances now hold the link in their L1.
        assertThat(first.get("/" + code).statusCode()).isEqualTo(302);
        assertThat(second.get("/" + code).statusCode()).isEqualTo(302);

        assertThat(first.delete("/api/v1/links/" + code).statusCode()).isEqualTo(204);
        long deleted = System.nanoTime();

        int status;
        do {
            status = second.get("/" + code).statusCode();
        } while (status == 302 && (System.nanoTime() - deleted) / 1_000_000 < STALENESS_BOUND_MILLIS * 5);
        long tookMillis = (System.nanoTime() - deleted) / 1_000_000;

        assertThat(status).isEqualTo(404);
        assertThat(tookMillis).isLessThan(STALENESS_BOUND_MILLIS);
    }

    @Test
    void aLinkEditedThroughOneInstanceRedirectsToItsNewUrlOnTheOtherWithinTheBound() throws Exception {
        Http first = new Http(FIRST.getLocalPort());
        Http second = new Http(SECOND.getLocalPort());
        String code = json.readTree(first.postJson("/api/v1/links", "{\"url\": \"https://example.com/v1\"}").body()).get("code").asText();
        assertThat(first.get("/" + code).headers().firstValue("Location")).hasValue("https://example.com/v1");
        assertThat(second.get("/" + code).headers().firstValue("Location")).hasValue("https://example.com/v1");

        assertThat(first.patchJson("/api/v1/links/" + code, "{\"url\": \"https://example.com/v2\"}").statusCode()).isEqualTo(200);
        long edited = System.nanoTime();

        String location;
        do {
            location = second.get("/" + code).headers().firstValue("Location").orElse("");
        } while (location.endsWith("/v1") && (System.nanoTime() - edited) / 1_000_000 < STALENESS_BOUND_MILLIS * 5);
        long tookMillis = (System.nanoTime() - edited) / 1_000_000;

        assertThat(location).isEqualTo("https://example.com/v2");
        assertThat(tookMillis).isLessThan(STALENESS_BOUND_MILLIS);
    }
}
