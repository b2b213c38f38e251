package io.shortener.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.devstack.junit.Await;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealRedisCluster;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, against the real service: every API route without a key, with a key lacking the
 * scope, with a revoked or expired key, with another account's key, and with the right key.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, RealClickHouse.class, DropwizardExtensionsSupport.class})
@Tag("links")
class AccessIT {

    private static final String KEYSPACE = "access_it";
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiKeySecrets SECRETS = new ApiKeySecrets(new SecureRandom());

    private static CqlSession cql;
    private static ApiKeyStore keys;

    private final Http admin = new Http(APP.getLocalPort());

    @BeforeAll
    static void keyStore() throws Exception {
        RealClickHouse.freshDatabase(KEYSPACE);
        cql = TestApps.cql();
        keys = new ApiKeyStore(cql, KEYSPACE);
    }

    @AfterAll
    static void close() {
        cql.close();
    }

    /** A new key stored for {@code account}, as `apikey create` stores one. */
    private static String newKey(String account, Set<Scope> scopes, Instant expiresAt) {
        String key = SECRETS.generate();
        keys.create(new ApiKey(ApiKeySecrets.hash(key), account + "-" + System.nanoTime(), account, scopes,
                ApiKeySecrets.displayPrefix(key), Instant.now(), expiresAt, null));
        return key;
    }

    private static String newKey(String account, Set<Scope> scopes) {
        return newKey(account, scopes, null);
    }

    /** Every API route, on a link that exists, as a function of the client that asks. */
    private static Map<String, Function<Http, HttpResponse<String>>> routes(String code) {
        Map<String, Function<Http, HttpResponse<String>>> routes = new LinkedHashMap<>();
        routes.put("POST /api/v1/links", http -> http.postJson("/api/v1/links", "{\"url\": \"https://example.com/made\"}"));
        // An Accept with weights is Jersey's to negotiate: the other door to creates.
        routes.put("POST /api/v1/links through Jersey", http -> http.send(http.request("/api/v1/links")
                .header("Content-Type", "application/json").header("Accept", "application/json;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"https://example.com/made\"}")).build()));
        routes.put("GET /api/v1/links", http -> http.get("/api/v1/links"));
        routes.put("GET /api/v1/links/{code}", http -> http.get("/api/v1/links/" + code));
        routes.put("PATCH /api/v1/links/{code}", http -> http.patchJson("/api/v1/links/" + code, "{\"title\": \"patched\"}"));
        routes.put("DELETE /api/v1/links/{code}", http -> http.delete("/api/v1/links/" + code));
        routes.put("GET /api/v1/links/{code}/stats", http -> http.get("/api/v1/links/" + code + "/stats"));
        return routes;
    }

    private String linkOf(Http owner) {
        HttpResponse<String> created = owner.postJson("/api/v1/links", "{\"url\": \"https://example.com/owned\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("code").asText();
    }

    @Test
    void everyApiRouteRefusesARequestWithoutAKeyWith401AndAChallenge() {
        String code = linkOf(admin);
        Http nobody = admin.anonymous();
        Map<String, Function<Http, HttpResponse<String>>> routes = routes(code);
        routes.put("GET /api/v1/keys/current", http -> http.get("/api/v1/keys/current"));
        // A body Jersey would refuse (400) if it read it first: without a key it is the key that is missing.
        routes.put("POST /api/v1/links with malformed JSON, through Jersey", http -> http.send(http.request("/api/v1/links")
                .header("Content-Type", "application/json").header("Accept", "application/json;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": ")).build()));

        routes.forEach((route, call) -> {
            HttpResponse<String> answer = call.apply(nobody);
            assertThat(answer.statusCode()).as(route).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(route).contains("Bearer realm=\"shortener\"");
            assertThat(json(answer).get("code").asInt()).as(route).isEqualTo(401);
            assertThat(json(answer).get("message").asText()).as(route).contains("API key is required");
        });
        assertThat(admin.get("/api/v1/links/" + code).statusCode()).as("the link, after the refused delete").isEqualTo(200);
    }

    @Test
    void aKeyThatIsNotOneOfOursIsRefusedWith401WhateverItsForm() {
        String code = linkOf(admin);
        for (String bogus : new String[] {"shk_" + "A".repeat(32), "not-a-key", "Basic dXNlcjpwYXNz"}) {
            HttpResponse<String> answer = admin.withKey(null).get("/api/v1/links/" + code, "Authorization",
                    bogus.startsWith("Basic") ? bogus : "Bearer " + bogus);
            assertThat(answer.statusCode()).as(bogus).isEqualTo(401);
            assertThat(json(answer).get("message").asText()).as(bogus).contains("not valid");
        }
    }

    @Test
    void aKeyWithoutTheRouteScopeGets403AndChangesNothing() {
        String account = "scoped-" + System.nanoTime();
        Http writer = admin.withKey(newKey(account, EnumSet.of(Scope.LINKS_WRITE, Scope.LINKS_READ)));
        Http reader = admin.withKey(newKey(account, EnumSet.of(Scope.LINKS_READ)));
        String code = linkOf(writer);

        for (String route : new String[] {"POST /api/v1/links", "POST /api/v1/links through Jersey", "PATCH /api/v1/links/{code}",
                "DELETE /api/v1/links/{code}", "GET /api/v1/links/{code}/stats"}) {
            HttpResponse<String> answer = routes(code).get(route).apply(reader);
            assertThat(answer.statusCode()).as(route + ": " + answer.body()).isEqualTo(403);
            assertThat(json(answer).get("message").asText()).as(route).contains("does not have the scope");
        }
        assertThat(reader.get("/api/v1/links/" + code).statusCode()).as("what the scope allows").isEqualTo(200);
        assertThat(writer.get("/api/v1/links/" + code).statusCode()).as("the link, after the refused delete").isEqualTo(200);
    }

    @Test
    void anotherAccountsLinkIsAnsweredAsIfItDidNotExist() {
        Http owner = admin.withKey(newKey("owner-" + System.nanoTime(), EnumSet.of(Scope.LINKS_WRITE, Scope.LINKS_READ, Scope.STATS_READ)));
        Http stranger = admin.withKey(newKey("stranger-" + System.nanoTime(), EnumSet.of(Scope.LINKS_WRITE, Scope.LINKS_READ, Scope.STATS_READ)));
        String code = linkOf(owner);

        for (String route : new String[] {"GET /api/v1/links/{code}", "PATCH /api/v1/links/{code}", "DELETE /api/v1/links/{code}",
                "GET /api/v1/links/{code}/stats"}) {
            HttpResponse<String> answer = routes(code).get(route).apply(stranger);
            HttpResponse<String> none = routes("nosuchcode1").get(route).apply(stranger);
            assertThat(answer.statusCode()).as(route).isEqualTo(404);
            assertThat(json(answer).get("message").asText()).as(route)
                    .isEqualTo(json(none).get("message").asText().replace("nosuchcode1", code));
        }
        assertThat(owner.get("/api/v1/links/" + code).statusCode()).as("the owner's link, after the stranger's delete").isEqualTo(200);
        assertThat(owner.anonymous().get("/" + code).statusCode()).as("redirects need no key").isEqualTo(302);
    }

    @Test
    void theRightKeyWorksOnEveryRouteAndAnAdminKeySeesEveryAccountsLinks() {
        String key = newKey("right-" + System.nanoTime(), EnumSet.of(Scope.LINKS_WRITE, Scope.LINKS_READ, Scope.STATS_READ));
        Http owner = admin.withKey(key);
        String code = linkOf(owner);
        Map<String, Function<Http, HttpResponse<String>>> routes = routes(code);

        assertThat(routes.get("POST /api/v1/links").apply(owner).statusCode()).isEqualTo(201);
        assertThat(routes.get("POST /api/v1/links through Jersey").apply(owner).statusCode()).isEqualTo(201);
        assertThat(routes.get("GET /api/v1/links/{code}").apply(owner).statusCode()).isEqualTo(200);
        assertThat(routes.get("GET /api/v1/links").apply(owner).statusCode()).isEqualTo(200);
        assertThat(routes.get("PATCH /api/v1/links/{code}").apply(owner).statusCode()).isEqualTo(200);
        assertThat(routes.get("GET /api/v1/links/{code}/stats").apply(owner).statusCode()).isEqualTo(200);
        assertThat(routes.get("GET /api/v1/links/{code}").apply(admin).statusCode()).as("an admin key, another account's link").isEqualTo(200);
        assertThat(routes.get("GET /api/v1/links/{code}/stats").apply(admin).statusCode()).isEqualTo(200);
        // The key sent the way Shlink's clients send it.
        HttpResponse<String> viaHeader = owner.withKey(null).get("/api/v1/links/" + code, "X-Api-Key", key);
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(routes.get("DELETE /api/v1/links/{code}").apply(owner).statusCode()).isEqualTo(204);
        assertThat(owner.get("/api/v1/links/" + code).statusCode()).isEqualTo(404);
    }

    @Test
    void aRevokedKeyIsRefusedByEveryInstanceWithinTheKeyCacheTtl() {
        String account = "revoked-" + System.nanoTime();
        String key = SECRETS.generate();
        String name = account + "-key";
        keys.create(new ApiKey(ApiKeySecrets.hash(key), name, account, EnumSet.of(Scope.LINKS_READ), ApiKeySecrets.displayPrefix(key),
                Instant.now(), null, null));
        Http holder = admin.withKey(key);
        // A positive control: the key works, and is now in the instance's key cache.
        assertThat(holder.get("/api/v1/keys/current").statusCode()).isEqualTo(200);

        assertThat(keys.revoke(name, Instant.now())).isTrue();

        Await.until("the revoked key refused", Duration.ofSeconds(15), () -> holder.get("/api/v1/keys/current").statusCode() == 401);
        assertThat(json(holder.get("/api/v1/keys/current")).get("message").asText()).contains("revoked");
    }

    @Test
    void anExpiredKeyIsRefused() {
        Http expired = admin.withKey(newKey("expired-" + System.nanoTime(), EnumSet.of(Scope.LINKS_READ), Instant.now().minusSeconds(1)));
        Http valid = admin.withKey(newKey("valid-" + System.nanoTime(), EnumSet.of(Scope.LINKS_READ), Instant.now().plusSeconds(3600)));

        assertThat(expired.get("/api/v1/keys/current").statusCode()).isEqualTo(401);
        assertThat(valid.get("/api/v1/keys/current").statusCode()).isEqualTo(200);
    }

    @Test
    void everyJsonAnswerTellsBrowsersNotToSniffIt() {
        String code = linkOf(admin);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("a create through the fast door", admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/n\"}"));
        answers.put("a read through Jersey", admin.get("/api/v1/links/" + code));
        answers.put("a 401", admin.anonymous().get("/api/v1/links/" + code));
        answers.put("an unknown code's 404 from the redirect handler", admin.get("/nosuchcode1"));
        answers.put("a route Jetty answers", admin.send(admin.request("/api/v1/links/" + code).method("PUT",
                HttpRequest.BodyPublishers.noBody()).build()));

        answers.forEach((what, answer) -> assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what + ", " + answer.statusCode())
                .contains("nosniff"));
    }

    @Test
    void theCurrentKeySaysItsNameAccountAndScopes() {
        JsonNode current = json(admin.get("/api/v1/keys/current"));

        assertThat(current.get("name").asText()).isEqualTo(ApiKeys.INITIAL_KEY_NAME);
        assertThat(current.get("account").asText()).isEqualTo(ApiKeys.INITIAL_KEY_ACCOUNT);
        assertThat(current.get("scopes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("links:write", "links:read", "stats:read", "admin");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
