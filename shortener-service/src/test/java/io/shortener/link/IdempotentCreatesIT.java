package io.shortener.link;

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
import io.shortener.access.ApiKey;
import io.shortener.access.ApiKeySecrets;
import io.shortener.access.ApiKeyStore;
import io.shortener.access.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code Idempotency-Key} on creates, through both doors, against the real service and Cassandra. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class IdempotentCreatesIT {

    private static final String KEYSPACE = "idempotent_creates_it";
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http = new Http(APP.getLocalPort());

    private HttpResponse<String> create(Http client, String idempotencyKey, String body) {
        return client.send(client.request("/api/v1/links").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The same create through Jersey's door (an Accept with weights is Jersey's to negotiate). */
    private HttpResponse<String> createThroughJersey(String idempotencyKey, String body) {
        return http.send(http.request("/api/v1/links").header("Content-Type", "application/json").header("Accept", "application/json;q=0.9")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String code(HttpResponse<String> created) {
        try {
            return JSON.readTree(created.body()).get("code").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAgainMarkedAsReplayed() {
        String key = "retry-" + System.nanoTime();
        String body = "{\"url\": \"https://example.com/once\"}";

        HttpResponse<String> first = create(http, key, body);
        HttpResponse<String> again = create(http, key, body);
        HttpResponse<String> throughJersey = createThroughJersey(key, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        for (HttpResponse<String> replay : List.of(again, throughJersey)) {
            assertThat(replay.statusCode()).isEqualTo(201);
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        }
        // A positive control: without the key, the same body makes another link.
        assertThat(code(http.postJson("/api/v1/links", body))).isNotEqualTo(code(first));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = "other-body-" + System.nanoTime();
        assertThat(create(http, key, "{\"url\": \"https://example.com/first\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> conflicting = create(http, key, "{\"url\": \"https://example.com/second\"}");

        assertThat(conflicting.statusCode()).isEqualTo(422);
        assertThat(conflicting.body()).contains("another request body");
    }

    @Test
    void requestsSentAtOnceWithOneKeyCreateOneLink() throws Exception {
        String key = "concurrent-" + System.nanoTime();
        String body = "{\"url\": \"https://example.com/concurrent\"}";
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, threads)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return create(http, key, body);
                    }, pool)).toList();
            start.countDown();
            List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();

            assertThat(done).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
            assertThat(done.stream().map(IdempotentCreatesIT::code).distinct()).as("codes given out").hasSize(1);
            assertThat(done.stream().filter(answer -> answer.headers().firstValue("Idempotent-Replayed").isEmpty()))
                    .as("answers that created").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysBelongToTheAccountOfTheApiKey() {
        String apiKey = new ApiKeySecrets(new SecureRandom()).generate();
        try (var cql = TestApps.cql()) {
            new ApiKeyStore(cql, KEYSPACE).create(new ApiKey(ApiKeySecrets.hash(apiKey), "other-" + System.nanoTime(), "other-account",
                    EnumSet.of(Scope.LINKS_WRITE), ApiKeySecrets.displayPrefix(apiKey), Instant.now(), null, null));
        }
        String key = "shared-" + System.nanoTime();
        String body = "{\"url\": \"https://example.com/shared\"}";

        HttpResponse<String> mine = create(http, key, body);
        HttpResponse<String> theirs = create(http.withKey(apiKey), key, body);

        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(code(theirs)).isNotEqualTo(code(mine));
    }

    @Test
    void aRefusedCreateIsReplayedAsRefused() {
        String alias = "idem-" + System.nanoTime();
        assertThat(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/a\", \"alias\": \"" + alias + "\"}").statusCode()).isEqualTo(201);
        String key = "refused-" + System.nanoTime();
        String body = "{\"url\": \"https://example.com/b\", \"alias\": \"" + alias + "\"}";

        HttpResponse<String> refused = create(http, key, body);
        HttpResponse<String> again = create(http, key, body);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void aKeyOfAnotherFormIs400() {
        assertThat(create(http, "x".repeat(256), "{\"url\": \"https://example.com/x\"}").statusCode()).isEqualTo(400);
        assertThat(create(http, "with space", "{\"url\": \"https://example.com/x\"}").statusCode()).isEqualTo(400);
    }
}
