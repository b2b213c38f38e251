package io.shortener.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealRedisCluster;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealCassandra;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A public shortener: creates without a key, where the operator allows them; nothing else without one. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class AnonymousCreatesIT {

    private static final String KEYSPACE = "anonymous_creates_it";
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE,
            "access.anonymousCreates", "true");

    private final Http admin = new Http(APP.getLocalPort());
    private final Http nobody = admin.anonymous();

    @Test
    void anAnonymousCreateMakesALinkOnlyAnAdminKeySees() throws Exception {
        HttpResponse<String> created = nobody.postJson("/api/v1/links", "{\"url\": \"https://example.com/public\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = new ObjectMapper().readTree(created.body()).get("code").asText();

        assertThat(nobody.get("/" + code).statusCode()).as("its redirect").isEqualTo(302);
        assertThat(nobody.get("/api/v1/links/" + code).statusCode()).as("reading it without a key").isEqualTo(401);
        assertThat(nobody.delete("/api/v1/links/" + code).statusCode()).as("deleting it without a key").isEqualTo(401);
        assertThat(withAccountKey().get("/api/v1/links/" + code).statusCode()).as("an account's key").isEqualTo(404);
        assertThat(admin.get("/api/v1/links/" + code).statusCode()).as("an admin key").isEqualTo(200);
    }

    @Test
    void aKeyThatIsSentIsCheckedEvenWhereAnonymousCreatesAreAllowed() {
        HttpResponse<String> answer = nobody.withKey("shk_" + "B".repeat(32)).postJson("/api/v1/links", "{\"url\": \"https://example.com/x\"}");

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void anAnonymousCreateCannotBeMadeIdempotent() {
        HttpResponse<String> answer = nobody.send(nobody.request("/api/v1/links").header("Content-Type", "application/json")
                .header("Idempotency-Key", "anonymous-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"url\": \"https://example.com/x\"}")).build());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("needs an API key");
    }

    private Http withAccountKey() {
        String key = new ApiKeySecrets(new SecureRandom()).generate();
        try (var cql = TestApps.cql()) {
            new ApiKeyStore(cql, KEYSPACE).create(new ApiKey(ApiKeySecrets.hash(key), "reader-" + System.nanoTime(), "someone",
                    EnumSet.of(Scope.LINKS_READ), ApiKeySecrets.displayPrefix(key), Instant.now(), null, null));
        }
        return admin.withKey(key);
    }
}
