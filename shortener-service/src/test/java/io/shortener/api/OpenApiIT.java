package io.shortener.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.access.ApiKey;
import io.shortener.access.ApiKeySecrets;
import io.shortener.access.ApiKeyStore;
import io.shortener.access.Scope;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import io.shortener.error.ErrorBody;
import io.shortener.link.CreateLinkRequest;
import io.shortener.link.LinkView;
import io.shortener.stats.LinkStats;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document against the service itself: its operations are exactly the routes the service
 * answers (Jersey's resource model, and the routes its Jetty handlers take), with exactly their parameters;
 * every status it lists for an operation is one a request here really gets (or, for the few that need a
 * fault or a flood, one the test named beside it provokes); and every error has the one error shape.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, RealClickHouse.class, DropwizardExtensionsSupport.class})
@Tag("links")
class OpenApiIT {

    private static final java.nio.file.Path BLOCKLIST_FILE = blocklistFile();
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(TestApps.SHARED_KEYSPACE,
            "safety.blocklistFile", BLOCKLIST_FILE.toString());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Routes Jetty handlers answer before Jersey: the redirect. (Creates have a handler too, and the resource behind it.) */
    private static final Set<String> HANDLER_ROUTES = Set.of("GET /{code}", "HEAD /{code}", "POST /{code}");
    /** Statuses that take a fault, a flood or a file to provoke, and the tests that do. */
    private static final Map<Integer, String> PROVOKED_ELSEWHERE = Map.of(
            429, "LimitsIT, BulkCreateIT, PasswordLinkIT", 503, "StorageOutageIT, SlowClickHouseIT", 413, "BadInputIT",
            422, "IdempotentCreatesIT", 451, "BlocklistIT");
    private static final Set<String> AUTH_HEADERS = Set.of("authorization", "x-api-key");

    private static JsonNode document;
    private static Http admin;
    private static Http reader;
    private static Http statsOnly;
    private static String code;
    private static String expired;

    @BeforeAll
    static void setUp() throws Exception {
        // The stats route reads a ClickHouse database named like the keyspace.
        RealClickHouse.freshDatabase(TestApps.SHARED_KEYSPACE);
        admin = new Http(APP.getLocalPort());
        HttpResponse<String> answer = admin.anonymous().get("/api/v1/openapi.json");
        assertThat(answer.statusCode()).as("public, no key").isEqualTo(200);
        document = JSON.readTree(answer.body());
        try (CqlSession cql = TestApps.cql()) {
            ApiKeyStore keys = new ApiKeyStore(cql, TestApps.SHARED_KEYSPACE);
            reader = admin.withKey(newKey(keys, EnumSet.of(Scope.LINKS_READ)));
            statsOnly = admin.withKey(newKey(keys, EnumSet.of(Scope.STATS_READ)));
        }
        code = JSON.readTree(admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/openapi\"}").body()).get("code").asText();
        expired = "expired-" + Long.toString(System.nanoTime(), 36);
    }

    /** An operator's blocklist file with one domain: unblocking it through the API is a 409. */
    private static java.nio.file.Path blocklistFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("openapi-blocklist", ".txt");
            java.nio.file.Files.writeString(file, "blocked-by-file.example # for OpenApiIT\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String newKey(ApiKeyStore keys, Set<Scope> scopes) {
        String key = new ApiKeySecrets(new SecureRandom()).generate();
        keys.create(new ApiKey(ApiKeySecrets.hash(key), "openapi-" + System.nanoTime(), "openapi-account", scopes,
                ApiKeySecrets.displayPrefix(key), Instant.now(), null, null));
        return key;
    }

    /** Every operation of the document, as "METHOD /path". */
    private static Map<String, JsonNode> documentedOperations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue())));
        return operations;
    }

    /** Every route of the service's Jersey resources, as "METHOD /path", with the parameters it reads. */
    private static Map<String, Set<String>> servedRoutes() {
        Map<String, Set<String>> routes = new TreeMap<>();
        org.glassfish.jersey.server.ResourceConfig config = APP.getEnvironment().jersey().getResourceConfig();
        Set<Class<?>> registered = new java.util.HashSet<>(config.getClasses());
        config.getInstances().forEach(instance -> registered.add(instance.getClass()));
        config.getSingletons().forEach(instance -> registered.add(instance.getClass()));
        for (Class<?> resource : registered) {
            if (resource.getPackageName().startsWith("io.shortener") && resource.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(resource), "", routes);
            }
        }
        assertThat(routes).as("Jersey's resources, as registered").isNotEmpty();
        HANDLER_ROUTES.forEach(route -> routes.put(route, Set.of("path:code")));
        return routes;
    }

    private static void collect(Resource resource, String prefix, Map<String, Set<String>> routes) {
        String path = (prefix + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        for (ResourceMethod method : resource.getResourceMethods()) {
            Set<String> parameters = new TreeSet<>();
            for (Parameter parameter : method.getInvocable().getParameters()) {
                String source = parameter.getSource().name().toLowerCase(Locale.ROOT);
                if (Set.of("query", "path").contains(source)
                        || source.equals("header") && !AUTH_HEADERS.contains(parameter.getSourceName().toLowerCase(Locale.ROOT))) {
                    parameters.add(source + ":" + parameter.getSourceName().toLowerCase(Locale.ROOT));
                }
            }
            routes.merge(method.getHttpMethod() + " " + path, parameters, (a, b) -> {
                Set<String> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    @Test
    void documentsExactlyTheRoutesTheServiceAnswers() {
        assertThat(documentedOperations().keySet()).containsExactlyInAnyOrderElementsOf(servedRoutes().keySet());
    }

    @Test
    void documentsExactlyTheParametersEachRouteReads() {
        Map<String, Set<String>> served = servedRoutes();
        documentedOperations().forEach((operation, spec) -> {
            Set<String> documented = new TreeSet<>();
            spec.path("parameters").forEach(parameter -> documented.add(parameter.get("in").asText() + ":"
                    + parameter.get("name").asText().toLowerCase(Locale.ROOT)));
            assertThat(documented).as(operation).isEqualTo(served.get(operation));
        });
    }

    @Test
    void theDocumentedBodiesHaveExactlyTheFieldsOfTheRecordsTheServiceReadsAndWrites() {
        Map<String, Class<? extends Record>> bodies = Map.of("Link", LinkView.class, "LinkStats", LinkStats.class,
                "CreateLink", CreateLinkRequest.class);
        bodies.forEach((schema, record) -> {
            List<String> fields = new ArrayList<>();
            document.at("/components/schemas/" + schema + "/properties").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(schema).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList());
        });
    }

    @Test
    void theErrorShapeIsTheServicesOne() {
        JsonNode error = document.at("/components/schemas/Error");
        List<String> fields = new ArrayList<>();
        error.get("properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(Arrays.stream(ErrorBody.class.getRecordComponents()).map(c -> c.getName()).toList());
        documentedOperations().forEach((operation, spec) -> spec.get("responses").fields().forEachRemaining(response -> {
            int status = Integer.parseInt(response.getKey());
            if (status >= 400 && !operation.startsWith("HEAD")) {
                assertThat(response.getValue().path("$ref").asText()).as(operation + " " + status).isEqualTo("#/components/responses/Error");
            }
        }));
    }

    /** Requests that get each status, by operation. */
    private static Map<String, Map<Integer, Supplier<HttpResponse<String>>>> probes() {
        Http nobody = admin.anonymous();
        String link = "/api/v1/links/" + code;
        Map<String, Map<Integer, Supplier<HttpResponse<String>>>> probes = new LinkedHashMap<>();
        probes.put("GET /{code}", Map.of(
                200, () -> admin.get("/" + protectedLink()),
                302, () -> admin.get("/" + code),
                301, () -> admin.get("/" + alias(301)), 307, () -> admin.get("/" + alias(307)), 308, () -> admin.get("/" + alias(308)),
                404, () -> admin.get("/nosuchcode1"), 410, () -> admin.get("/" + expiredLink())));
        probes.put("POST /{code}", Map.of(
                303, () -> unlock(protectedLink(), "password=open+sesame"),
                400, () -> unlock(protectedLink(), "password=" + "x".repeat(5000)),
                403, () -> unlock(protectedLink(), "password=guess"),
                404, () -> unlock("nosuchcode1", "password=guess"),
                405, () -> unlock(code, "password=guess"),
                410, () -> unlock(expiredLink(), "password=guess")));
        probes.put("HEAD /{code}", Map.of(200, () -> admin.head("/" + protectedLink()), 302, () -> admin.head("/" + code), 301, () -> admin.head("/" + alias(301)),
                307, () -> admin.head("/" + alias(307)), 308, () -> admin.head("/" + alias(308)), 404, () -> admin.head("/nosuchcode1"),
                410, () -> admin.head("/" + expiredLink())));
        probes.put("GET /", Map.of(303, () -> admin.get("/")));
        probes.put("GET /api/v1/openapi.json", Map.of(200, () -> nobody.get("/api/v1/openapi.json")));
        probes.put("POST /api/v1/links", Map.of(
                201, () -> admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/probe\"}"),
                400, () -> admin.postJson("/api/v1/links", "{\"url\": \"ftp://x\"}"),
                401, () -> nobody.postJson("/api/v1/links", "{\"url\": \"https://example.com/probe\"}"),
                403, () -> reader.postJson("/api/v1/links", "{\"url\": \"https://example.com/probe\"}"),
                409, () -> admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/probe\", \"alias\": \"" + alias(302) + "\"}"),
                415, () -> admin.post("/api/v1/links", "text/plain", "https://example.com/probe")));
        probes.put("GET /api/v1/links", Map.of(200, () -> admin.get("/api/v1/links?limit=1"), 400, () -> admin.get("/api/v1/links?limit=0"),
                401, () -> nobody.get("/api/v1/links"), 403, () -> statsOnly.get("/api/v1/links")));
        probes.put("POST /api/v1/links/bulk", Map.of(200, () -> admin.postJson("/api/v1/links/bulk", "[{\"url\": \"https://example.com/b\"}]"),
                400, () -> admin.postJson("/api/v1/links/bulk", "[]"), 401, () -> nobody.postJson("/api/v1/links/bulk", "[]"),
                403, () -> reader.postJson("/api/v1/links/bulk", "[{\"url\": \"https://example.com/b\"}]"),
                415, () -> admin.post("/api/v1/links/bulk", "text/csv", "url\nhttps://example.com/b\n")));
        probes.put("GET /api/v1/links/export", Map.of(200, () -> admin.get("/api/v1/links/export?tag=none"),
                400, () -> admin.get("/api/v1/links/export?createdFrom=soon"), 401, () -> nobody.get("/api/v1/links/export"),
                403, () -> statsOnly.get("/api/v1/links/export")));
        probes.put("POST /api/v1/links/import", Map.of(200, () -> admin.post("/api/v1/links/import", "text/csv", "url\nhttps://example.com/i\n"),
                400, () -> admin.post("/api/v1/links/import", "text/csv", "colour\nred\n"),
                401, () -> nobody.post("/api/v1/links/import", "text/csv", "url\nhttps://example.com/i\n"),
                403, () -> reader.post("/api/v1/links/import", "text/csv", "url\nhttps://example.com/i\n"),
                415, () -> admin.postJson("/api/v1/links/import", "{}")));
        probes.put("GET /api/v1/links/{code}", Map.of(200, () -> admin.get(link), 401, () -> nobody.get(link),
                403, () -> statsOnly.get(link), 404, () -> admin.get("/api/v1/links/nosuchcode1")));
        probes.put("PATCH /api/v1/links/{code}", Map.of(200, () -> admin.patchJson(link, "{\"title\": \"probed\"}"),
                400, () -> admin.patchJson(link, "{\"url\": null}"), 401, () -> nobody.patchJson(link, "{}"),
                403, () -> reader.patchJson(link, "{}"), 404, () -> admin.patchJson("/api/v1/links/nosuchcode1", "{}"),
                415, () -> admin.send(admin.request(link).header("Content-Type", "text/plain").method("PATCH", HttpRequest.BodyPublishers.ofString("x")).build())));
        probes.put("DELETE /api/v1/links/{code}", Map.of(204, () -> admin.delete("/api/v1/links/" + alias(302) + "-gone"),
                401, () -> nobody.delete(link), 403, () -> reader.delete(link), 404, () -> admin.delete("/api/v1/links/nosuchcode1")));
        probes.put("GET /api/v1/links/{code}/stats", Map.of(200, () -> admin.get(link + "/stats"), 400, () -> admin.get(link + "/stats?interval=week"),
                401, () -> nobody.get(link + "/stats"), 403, () -> reader.get(link + "/stats"), 404, () -> admin.get("/api/v1/links/nosuchcode1/stats")));
        probes.put("GET /api/v1/links/{code}/qr", Map.of(200, () -> nobody.get(link + "/qr"), 400, () -> nobody.get(link + "/qr?format=gif"),
                404, () -> nobody.get("/api/v1/links/nosuchcode1/qr"), 410, () -> nobody.get("/api/v1/links/" + expiredLink() + "/qr")));
        probes.put("GET /api/v1/keys/current", Map.of(200, () -> admin.get("/api/v1/keys/current"), 401, () -> nobody.get("/api/v1/keys/current")));
        String domain = "/api/v1/blocklist/domains/probe-" + Long.toString(System.nanoTime(), 36) + ".example";
        String blockedLink = "/api/v1/blocklist/links/" + code;
        probes.put("GET /api/v1/blocklist", Map.of(200, () -> admin.get("/api/v1/blocklist"), 401, () -> nobody.get("/api/v1/blocklist"),
                403, () -> reader.get("/api/v1/blocklist")));
        probes.put("PUT /api/v1/blocklist/domains/{domain}", Map.of(200, () -> put(admin, domain, "{\"reason\": \"probe\"}"),
                400, () -> put(admin, "/api/v1/blocklist/domains/not%20a%20domain", "{}"), 401, () -> put(nobody, domain, "{}"),
                403, () -> put(reader, domain, "{}"), 415, () -> admin.send(admin.request(domain).header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("x")).build())));
        probes.put("DELETE /api/v1/blocklist/domains/{domain}", Map.of(204, () -> admin.delete(domain),
                400, () -> admin.delete("/api/v1/blocklist/domains/not%20a%20domain"), 401, () -> nobody.delete(domain),
                403, () -> reader.delete(domain), 404, () -> admin.delete("/api/v1/blocklist/domains/never-blocked.example"),
                409, () -> admin.delete("/api/v1/blocklist/domains/blocked-by-file.example")));
        probes.put("PUT /api/v1/blocklist/links/{code}", Map.of(200, () -> put(admin, blockedLink, "{}"),
                400, () -> put(admin, blockedLink, "{\"reason\": \"" + "r".repeat(501) + "\"}"), 401, () -> put(nobody, blockedLink, "{}"),
                403, () -> put(reader, blockedLink, "{}"), 404, () -> put(admin, "/api/v1/blocklist/links/nosuchcode1", "{}"),
                415, () -> admin.send(admin.request(blockedLink).header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x")).build())));
        probes.put("DELETE /api/v1/blocklist/links/{code}", Map.of(204, () -> admin.delete(blockedLink), 401, () -> nobody.delete(blockedLink),
                403, () -> reader.delete(blockedLink), 404, () -> admin.delete("/api/v1/blocklist/links/nosuchcode1")));
        return probes;
    }

    private static HttpResponse<String> unlock(String code, String form) {
        return admin.post("/" + code, "application/x-www-form-urlencoded", form);
    }

    /** A link of this run with the password "open sesame" (made once). */
    private static String protectedLink() {
        String alias = "openapi-locked-" + RUN;
        if (admin.get("/api/v1/links/" + alias).statusCode() == 404) {
            admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/locked\", \"alias\": \"" + alias + "\", \"password\": \"open sesame\"}");
        }
        return alias;
    }

    private static HttpResponse<String> put(Http http, String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A link of this run with the redirect type (made once; {@code alias(302) + "-gone"} is one to delete). */
    private static String alias(int redirectType) {
        String alias = "openapi-" + redirectType + "-" + RUN;
        if (admin.get("/api/v1/links/" + alias).statusCode() == 404) {
            admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/" + redirectType + "\", \"alias\": \"" + alias + "\", \"redirectType\": " + redirectType + "}");
            admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/gone\", \"alias\": \"" + alias + "-gone\"}");
        }
        return alias;
    }

    private static final String RUN = Long.toString(System.nanoTime(), 36);

    /** A link that has expired: made with an expiry a moment ahead, then waited out (observably: until it answers 410). */
    private static String expiredLink() {
        if (admin.get("/" + expired).statusCode() != 410) {
            admin.postJson("/api/v1/links", "{\"url\": \"https://example.com/e\", \"alias\": \"" + expired + "\", \"expiresAt\": \""
                    + Instant.now().plusMillis(1500) + "\"}");
            io.shortener.devstack.junit.Await.until("the link expired", java.time.Duration.ofSeconds(10),
                    () -> admin.get("/" + expired).statusCode() == 410);
        }
        return expired;
    }

    @Test
    void everyDocumentedStatusIsOneTheServiceReallyAnswers() {
        Map<String, Map<Integer, Supplier<HttpResponse<String>>>> probes = probes();
        Map<String, JsonNode> operations = documentedOperations();
        assertThat(probes.keySet()).as("an operation without probes").containsExactlyInAnyOrderElementsOf(operations.keySet());
        // In the probes' order: blocking comes before unblocking.
        probes.keySet().forEach(operation -> {
            JsonNode spec = operations.get(operation);
            Set<Integer> documented = new TreeSet<>();
            spec.get("responses").fieldNames().forEachRemaining(status -> documented.add(Integer.parseInt(status)));
            Set<Integer> probed = new TreeSet<>(probes.get(operation).keySet());
            Set<Integer> expected = new TreeSet<>(probed);
            documented.stream().filter(PROVOKED_ELSEWHERE::containsKey).forEach(expected::add);
            assertThat(documented).as(operation + ": documented statuses, against those probed here and those " + PROVOKED_ELSEWHERE)
                    .isEqualTo(expected);
            new TreeMap<>(probes.get(operation)).forEach((status, probe) -> {
                HttpResponse<String> answer = probe.get();
                assertThat(answer.statusCode()).as(operation + " probed for " + status + ": " + answer.body()).isEqualTo(status);
                if (status >= 400 && !operation.startsWith("HEAD")) {
                    assertErrorShape(operation, status, answer);
                }
            });
        });
    }

    private static void assertErrorShape(String operation, int status, HttpResponse<String> answer) {
        try {
            JsonNode error = JSON.readTree(answer.body());
            Iterator<String> fields = error.fieldNames();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(names::add);
            assertThat(names).as(operation + " " + status).containsExactly("code", "message");
            assertThat(error.get("code").asInt()).isEqualTo(status);
        } catch (java.io.IOException e) {
            throw new AssertionError(operation + " " + status + " answered no JSON: " + answer.body(), e);
        }
    }
}
