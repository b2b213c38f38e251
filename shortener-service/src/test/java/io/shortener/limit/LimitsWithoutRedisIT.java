package io.shortener.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.FromAddress;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance whose Redis Cluster cannot be reached (nothing listens where it looks): the API's limits
 * hold per instance from its own buckets, and redirects are admitted, as the README says.
 */
@ExtendWith({RealCassandra.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("redirects")
class LimitsWithoutRedisIT {

    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(TestApps.SHARED_KEYSPACE,
            "cache.redis.nodes", "127.0.0.1:9",
            "limits.exemptClients", "127.0.0.1",
            "limits.perKey.links:write.capacity", "3",
            "limits.perKey.links:write.refill", "1",
            "limits.perKey.links:write.period", "1h",
            "limits.redirects.perIp.capacity", "2",
            "limits.redirects.perIp.refill", "1",
            "limits.redirects.perIp.period", "1h",
            "limits.redirects.lease", "1");

    @Test
    void createsFallBackToTheInstancesOwnBucket() {
        FromAddress client = new FromAddress("127.0.0.2", APP.getLocalPort());
        assertThat(client.get("/api/v1/keys/current", "Authorization", "Bearer " + TestApps.KEY).status()).isEqualTo(200);

        List<FromAddress.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(client.postJson("/api/v1/links", "{\"url\": \"https://example.com/no-redis/" + i + "\"}",
                    "Authorization", "Bearer " + TestApps.KEY));
        }

        assertThat(answers).extracting(FromAddress.Answer::status).containsExactly(201, 201, 201, 429, 429);
        assertThat(answers.get(3).header("RateLimit-Limit")).isEqualTo("3");
        assertThat(answers.get(3).header("Retry-After")).isNotNull();
    }

    @Test
    void redirectsAreAdmittedWhileRedisCannotCount() throws Exception {
        var created = new Http(APP.getLocalPort()).postJson("/api/v1/links", "{\"url\": \"https://example.com/fail-open\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = new ObjectMapper().readTree(created.body()).get("code").asText();
        FromAddress client = new FromAddress("127.0.0.3", APP.getLocalPort());

        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/" + code).status()).as("redirect %d, over a limit of 2", i).isEqualTo(302);
        }
    }
}
