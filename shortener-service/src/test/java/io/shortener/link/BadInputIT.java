package io.shortener.link;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a client sends, a bad request gets a 4xx in the JSON error shape and leaves nothing stored. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class BadInputIT {

    static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener("it_bad_input",
            "safety.serviceNames", "go.example");

    private static CqlSession cql;
    private final ObjectMapper json = new ObjectMapper();
    private Http http;

    @BeforeAll
    static void connect() {
        cql = TestApps.cql();
    }

    @AfterAll
    static void disconnect() {
        cql.close();
    }

    @BeforeEach
    void client() {
        http = new Http(APP.getLocalPort());
    }

    static Stream<Arguments> badBodies() {
        String longUrl = "https://example.com/" + "a".repeat(8200);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"url\": ", 400),
                Arguments.of("not an object", "[\"https://example.com\"]", 400),
                Arguments.of("a bare string", "\"https://example.com\"", 400),
                Arguments.of("JSON null", "null", 400),
                Arguments.of("an empty body", "", 400),
                Arguments.of("no url", "{}", 400),
                Arguments.of("a number for url", "{\"url\": 42}", 400),
                Arguments.of("an object for url", "{\"url\": {\"href\": \"https://example.com\"}}", 400),
                Arguments.of("a string for redirectType", "{\"url\": \"https://example.com\", \"redirectType\": \"301\"}", 400),
                Arguments.of("a fraction for redirectType", "{\"url\": \"https://example.com\", \"redirectType\": 301.5}", 400),
                Arguments.of("an unknown field", "{\"url\": \"https://example.com\", \"colour\": \"x\"}", 400),
                Arguments.of("a number for title", "{\"url\": \"https://example.com\", \"title\": 5}", 400),
                Arguments.of("a title over 200 characters", "{\"url\": \"https://example.com\", \"title\": \"" + "t".repeat(201) + "\"}", 400),
                Arguments.of("a control character in the title", "{\"url\": \"https://example.com\", \"title\": \"a\\u0000b\"}", 400),
                Arguments.of("a string for tags", "{\"url\": \"https://example.com\", \"tags\": \"launch\"}", 400),
                Arguments.of("a null tag", "{\"url\": \"https://example.com\", \"tags\": [null]}", 400),
                Arguments.of("a number for a tag", "{\"url\": \"https://example.com\", \"tags\": [7]}", 400),
                Arguments.of("an empty tag", "{\"url\": \"https://example.com\", \"tags\": [\"  \"]}", 400),
                Arguments.of("a tag starting with #", "{\"url\": \"https://example.com\", \"tags\": [\"#launch\"]}", 400),
                Arguments.of("a tag over 50 characters", "{\"url\": \"https://example.com\", \"tags\": [\"" + "g".repeat(51) + "\"]}", 400),
                Arguments.of("utm not an object", "{\"url\": \"https://example.com\", \"utm\": \"source=x\"}", 400),
                Arguments.of("an unknown utm field", "{\"url\": \"https://example.com\", \"utm\": {\"id\": \"1\"}}", 400),
                Arguments.of("a number for a utm field", "{\"url\": \"https://example.com\", \"utm\": {\"source\": 1}}", 400),
                Arguments.of("a blank utm field", "{\"url\": \"https://example.com\", \"utm\": {\"medium\": \" \"}}", 400),
                Arguments.of("maxVisits of 0", "{\"url\": \"https://example.com\", \"maxVisits\": 0}", 400),
                Arguments.of("maxVisits as a string", "{\"url\": \"https://example.com\", \"maxVisits\": \"100\"}", 400),
                Arguments.of("a fractional maxVisits", "{\"url\": \"https://example.com\", \"maxVisits\": 2.5}", 400),
                Arguments.of("rules not an array", "{\"url\": \"https://example.com\", \"rules\": {\"url\": \"https://example.de\"}}", 400),
                Arguments.of("a rule without a target", "{\"url\": \"https://example.com\", \"rules\": [{\"when\": {\"os\": [\"iOS\"]}}]}", 400),
                Arguments.of("a rule to a javascript: URL", "{\"url\": \"https://example.com\", \"rules\": [{\"url\": \"javascript:alert(1)\"}]}", 400),
                Arguments.of("an unknown condition", "{\"url\": \"https://example.com\", \"rules\": [{\"when\": {\"ip\": [\"1.2.3.4\"]}, \"url\": \"https://example.de\"}]}", 400),
                Arguments.of("a country name", "{\"url\": \"https://example.com\", \"rules\": [{\"when\": {\"country\": [\"Germany\"]}, \"url\": \"https://example.de\"}]}", 400),
                Arguments.of("an unknown device", "{\"url\": \"https://example.com\", \"rules\": [{\"when\": {\"device\": [\"phone\"]}, \"url\": \"https://example.de\"}]}", 400),
                Arguments.of("a window that ends before it starts", "{\"url\": \"https://example.com\", \"rules\": [{\"when\": {\"from\": \"2027-01-02T00:00:00Z\", \"until\": \"2027-01-01T00:00:00Z\"}, \"url\": \"https://example.de\"}]}", 400),
                Arguments.of("a split of one", "{\"url\": \"https://example.com\", \"rules\": [{\"split\": [{\"url\": \"https://example.de\", \"weight\": 1}]}]}", 400),
                Arguments.of("a negative weight", "{\"url\": \"https://example.com\", \"rules\": [{\"split\": [{\"url\": \"https://a.example\", \"weight\": -1}, {\"url\": \"https://b.example\", \"weight\": 1}]}]}", 400),
                Arguments.of("21 rules", "{\"url\": \"https://example.com\", \"rules\": [" + String.join(",", java.util.Collections.nCopies(21, "{\"url\": \"https://example.de\"}")) + "]}", 400),
                Arguments.of("21 tags", "{\"url\": \"https://example.com\", \"tags\": [" + twentyOneTags() + "]}", 400),
                Arguments.of("a relative url", "{\"url\": \"/just/a/path\"}", 400),
                Arguments.of("a javascript url", "{\"url\": \"javascript:alert(1)\"}", 400),
                Arguments.of("an ftp url", "{\"url\": \"ftp://example.com/file\"}", 400),
                Arguments.of("whitespace in the url", "{\"url\": \"https://example.com/a b\"}", 400),
                Arguments.of("a control character in the url", "{\"url\": \"https://example.com/\\u0007\"}", 400),
                Arguments.of("a url over 8 KiB", "{\"url\": \"" + longUrl + "\"}", 400),
                Arguments.of("a link to the service itself", "{\"url\": \"http://127.0.0.1:8080/abc\"}", 400),
                Arguments.of("a link to localhost", "{\"url\": \"http://localhost:9000/x\"}", 400),
                Arguments.of("a link to IPv6 loopback", "{\"url\": \"http://[::1]/x\"}", 400),
                Arguments.of("a link to the unspecified address", "{\"url\": \"http://0.0.0.0:8080/x\"}", 400),
                Arguments.of("a link to a loopback alias", "{\"url\": \"http://127.9.9.9/x\"}", 400),
                Arguments.of("a link to another name of the service", "{\"url\": \"https://go.example/x\"}", 400),
                Arguments.of("a link to a private address", "{\"url\": \"http://10.1.2.3/admin\"}", 400),
                Arguments.of("a link to the cloud metadata address", "{\"url\": \"http://169.254.169.254/latest/meta-data/\"}", 400),
                Arguments.of("a link to an internal name", "{\"url\": \"http://db.internal/\"}", 400),
                Arguments.of("a link to a one-label name", "{\"url\": \"http://intranet/\"}", 400),
                Arguments.of("an IPv4 address as one number", "{\"url\": \"http://2130706433/\"}", 400),
                Arguments.of("a host with an underscore", "{\"url\": \"https://ex_ample.com/\"}", 400),
                Arguments.of("a host label over 63 characters", "{\"url\": \"https://" + "a".repeat(64) + ".com/\"}", 400),
                Arguments.of("port 0", "{\"url\": \"https://example.com:0/\"}", 400),
                Arguments.of("port 65536", "{\"url\": \"https://example.com:65536/\"}", 400),
                Arguments.of("credentials in the url", "{\"url\": \"https://user:pw@example.com/\"}", 400),
                Arguments.of("an alias too short", "{\"url\": \"https://example.com\", \"alias\": \"ab\"}", 400),
                Arguments.of("an alias with a slash", "{\"url\": \"https://example.com\", \"alias\": \"a/b/c\"}", 400),
                Arguments.of("a reserved alias", "{\"url\": \"https://example.com\", \"alias\": \"healthcheck\"}", 400),
                Arguments.of("an alias of generated form", "{\"url\": \"https://example.com\", \"alias\": \"A0000000000\"}", 400),
                Arguments.of("an expiry in the past", "{\"url\": \"https://example.com\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", 400),
                Arguments.of("an expiry without offset", "{\"url\": \"https://example.com\", \"expiresAt\": \"2099-01-01T00:00:00\"}", 400),
                Arguments.of("an expiry that is not a date", "{\"url\": \"https://example.com\", \"expiresAt\": \"next week\"}", 400),
                Arguments.of("a redirect type that is no redirect", "{\"url\": \"https://example.com\", \"redirectType\": 200}", 400),
                Arguments.of("redirect type 303", "{\"url\": \"https://example.com\", \"redirectType\": 303}", 400));
    }

    private static String twentyOneTags() {
        return java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "\"t" + i + "\"").collect(java.util.stream.Collectors.joining(", "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyIsRefusedAndNothingIsStored(String what, String body, int status) throws Exception {
        long before = storedLinks();

        HttpResponse<String> response = http.postJson("/api/v1/links", body);

        assertJsonError(response, status);
        assertThat(storedLinks()).isEqualTo(before);
    }

    /** A chunked body goes past CreateLinkHandler to Jersey's LinkResource: the same refusals there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadChunkedBodyIsRefusedTheSameWayAndNothingIsStored(String what, String body, int status) throws Exception {
        long before = storedLinks();

        HttpResponse<String> chunked = http.send(chunkedJson(body));
        HttpResponse<String> declared = http.postJson("/api/v1/links", body);

        assertJsonError(chunked, status);
        assertThat(chunked.body()).isEqualTo(declared.body());
        assertThat(storedLinks()).isEqualTo(before);
    }

    private HttpRequest chunkedJson(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.request("/api/v1/links")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
    }

    @Test
    void theWrongContentTypeIs415() throws Exception {
        assertJsonError(http.post("/api/v1/links", "text/plain", "https://example.com"), 415);
        assertJsonError(http.post("/api/v1/links", "application/x-www-form-urlencoded", "url=https://example.com"), 415);
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String huge = "{\"url\": \"https://example.com/\", \"alias\": \"" + "x".repeat(64 * 1024) + "\"}";

        assertJsonError(http.postJson("/api/v1/links", huge), 413);
    }

    @Test
    void anOversizedChunkedBodyIs413() throws Exception {
        String huge = "{\"url\": \"https://example.com/" + "x".repeat(64 * 1024) + "\"}";

        assertJsonError(http.send(chunkedJson(huge)), 413);
    }

    @Test
    void anUnsupportedMethodIs405() throws Exception {
        assertJsonError(http.send(http.request("/api/v1/links").PUT(HttpRequest.BodyPublishers.ofString("{}")).build()), 405);
    }

    @Test
    void anUnknownRouteIs404() throws Exception {
        assertJsonError(http.get("/api/v1/nothing/here"), 404);
    }

    @Test
    void aMalformedUriIsRefusedByTheServerInTheSameJsonShape() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.getOutputStream().write("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json");
            JsonNode error = json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(error.get("code").asInt()).isEqualTo(400);
        }
    }


    /** Links and the rows that list them. */
    private static long storedLinks() {
        return count("links") + count("links_by_owner") + count("link_hours");
    }

    private static long count(String table) {
        return cql.execute("SELECT count(*) FROM it_bad_input." + table).one().getLong(0);
    }

    static Stream<Arguments> badListQueries() {
        return Stream.of(
                Arguments.of("limit 0", "limit=0"),
                Arguments.of("limit 501", "limit=501"),
                Arguments.of("a word for limit", "limit=ten"),
                Arguments.of("a cursor this API never gave", "cursor=bm90LWEtY3Vyc29y"),
                Arguments.of("a cursor that is not base64", "cursor=%25%25%25"),
                Arguments.of("createdFrom not a date", "createdFrom=yesterday"),
                Arguments.of("createdTo without an offset", "createdTo=2026-12-01T08:00:00"),
                Arguments.of("createdFrom after createdTo", "createdFrom=2026-12-02&createdTo=2026-12-01"),
                Arguments.of("a tag starting with #", "tag=%23launch"),
                Arguments.of("q over 100 characters", "q=" + "q".repeat(101)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badListQueries")
    void aBadListQueryIs400(String what, String query) throws Exception {
        assertJsonError(http.get("/api/v1/links?" + query), 400);
    }
}
