package io.shortener.link;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
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
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code PATCH /api/v1/links/{code}}: a JSON merge patch of a link, seen at once by its redirect and its lists. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class LinkPatchIT {

    private static final String KEYSPACE = TestApps.SHARED_KEYSPACE;
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CqlSession cql;

    private final Http http = new Http(APP.getLocalPort());

    @BeforeAll
    static void connect() {
        cql = TestApps.cql();
    }

    @AfterAll
    static void disconnect() {
        cql.close();
    }

    private JsonNode patch(String code, String patch) throws Exception {
        HttpResponse<String> patched = http.patchJson("/api/v1/links/" + code, patch);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        return JSON.readTree(patched.body());
    }

    private List<String> listedCodes(String query) throws Exception {
        JsonNode page = JSON.readTree(http.get("/api/v1/links?limit=500&" + query).body());
        List<String> codes = new ArrayList<>();
        page.get("links").forEach(link -> codes.add(link.get("code").asText()));
        return codes;
    }

    @Test
    void aNewUrlRedirectsAtOnceThoughTheOldOneWasCached() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/old\"}").get("code").asText();
        assertThat(http.get("/" + code).headers().firstValue("Location")).as("cached in L1 and L2").hasValue("https://example.com/old");

        JsonNode patched = patch(code, "{\"url\": \"https://example.com/new?x=1\"}");

        assertThat(patched.get("url").asText()).isEqualTo("https://example.com/new?x=1");
        assertThat(patched.get("code").asText()).isEqualTo(code);
        assertThat(http.get("/" + code).headers().firstValue("Location")).hasValue("https://example.com/new?x=1");
        assertThat(JSON.readTree(http.get("/api/v1/links/" + code).body()).get("url").asText()).isEqualTo("https://example.com/new?x=1");
    }

    @Test
    void membersLeftOutStayAndNullRemovesAValue() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/p\", \"expiresAt\": \"2099-01-01T00:00:00Z\", \"redirectType\": 301, "
                + "\"title\": \"Old title\", \"tags\": [\"a\", \"b\"]}").get("code").asText();

        JsonNode retitled = patch(code, "{\"title\": \"New title\"}");
        assertThat(retitled.get("url").asText()).isEqualTo("https://example.com/p");
        assertThat(retitled.get("expiresAt").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(retitled.get("redirectType").asInt()).isEqualTo(301);
        assertThat(retitled.get("tags")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(retitled.get("title").asText()).isEqualTo("New title");

        JsonNode cleared = patch(code, "{\"expiresAt\": null, \"redirectType\": null, \"title\": null, \"tags\": null}");
        assertThat(cleared.get("expiresAt").isNull()).isTrue();
        assertThat(cleared.get("redirectType").asInt()).as("back to the default").isEqualTo(302);
        assertThat(cleared.get("title").isNull()).isTrue();
        assertThat(cleared.get("tags")).isEmpty();
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);

        Row stored = cql.execute("SELECT expires_at, title, tags, updated_at FROM " + KEYSPACE + ".links WHERE code = ?", code).one();
        assertThat(stored.getInstant("expires_at")).isNull();
        assertThat(stored.getString("title")).isNull();
        assertThat(stored.getSet("tags", String.class)).isEmpty();
        assertThat(stored.getInstant("updated_at")).isNotNull();
    }

    @Test
    void anExpiryInThePastIsRefusedButAnExpiredLinkCanBeRevived() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/e\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}").get("code").asText();

        assertJsonError(http.patchJson("/api/v1/links/" + code, "{\"expiresAt\": \"2020-01-01T00:00:00Z\"}"), 400);
        assertThat(patch(code, "{\"expiresAt\": \"2100-06-01T00:00:00+02:00\"}").get("expiresAt").asText()).isEqualTo("2100-05-31T22:00:00Z");
    }

    @Test
    void theListsFollowTitleAndTagChanges() throws Exception {
        String tag = "t" + System.nanoTime();
        String code = http.createLink("{\"url\": \"https://example.com/l\", \"tags\": [\"" + tag + "-a\", \"" + tag + "-b\"]}").get("code").asText();

        patch(code, "{\"tags\": [\"" + tag + "-b\", \"" + tag + "-c\"], \"title\": \"Findable " + tag + "\"}");

        assertThat(listedCodes("tag=" + tag + "-a")).isEmpty();
        assertThat(listedCodes("tag=" + tag + "-b")).containsExactly(code);
        assertThat(listedCodes("tag=" + tag + "-c")).containsExactly(code);
        assertThat(listedCodes("q=findable%20" + tag)).containsExactly(code);
        JsonNode listed = JSON.readTree(http.get("/api/v1/links?limit=1&tag=" + tag + "-c").body()).get("links").get(0);
        assertThat(listed.get("title").asText()).isEqualTo("Findable " + tag);
        assertThat(listed.get("tags")).extracting(JsonNode::asText).containsExactly(tag + "-b", tag + "-c");

        patch(code, "{\"title\": null}");
        assertThat(listedCodes("q=findable%20" + tag)).as("an old title is not found").isEmpty();
    }

    @Test
    void utmParametersMergeIntoTheTargetOnCreateAndOnPatch() throws Exception {
        JsonNode link = http.createLink("{\"url\": \"https://example.com/shop?item=42#reviews\", \"utm\": {\"source\": \"newsletter\", \"campaign\": \"spring sale\"}}");
        String code = link.get("code").asText();
        assertThat(link.get("url").asText()).isEqualTo("https://example.com/shop?item=42&utm_source=newsletter&utm_campaign=spring%20sale#reviews");

        assertThat(patch(code, "{\"utm\": {\"source\": \"twitter\", \"campaign\": null, \"medium\": \"social\"}}").get("url").asText())
                .isEqualTo("https://example.com/shop?item=42&utm_source=twitter&utm_medium=social#reviews");
        assertThat(patch(code, "{\"url\": \"https://example.com/new?a=1\", \"utm\": {\"term\": \"x\"}}").get("url").asText())
                .as("a new url takes the utm of the same patch").isEqualTo("https://example.com/new?a=1&utm_term=x");
        assertThat(patch(code, "{\"utm\": null}").get("url").asText()).isEqualTo("https://example.com/new?a=1");
        assertThat(http.get("/" + code).headers().firstValue("Location")).hasValue("https://example.com/new?a=1");
    }

    @Test
    void anEmptyPatchChangesNothingAndAPatchOfPlainJsonWorksToo() throws Exception {
        JsonNode link = http.createLink("{\"url\": \"https://example.com/same\", \"title\": \"Same\"}");
        String code = link.get("code").asText();

        assertThat(patch(code, "{}")).isEqualTo(link);
        assertThat(patch(code, "{\"title\": \"Same\"}")).isEqualTo(link);
        assertThat(cql.execute("SELECT updated_at FROM " + KEYSPACE + ".links WHERE code = ?", code).one().getInstant("updated_at"))
                .as("nothing written for patches that change nothing").isNull();
        HttpResponse<String> plain = http.send(http.request("/api/v1/links/" + code).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\": \"Plain\"}")).build());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(cql.execute("SELECT updated_at FROM " + KEYSPACE + ".links WHERE code = ?", code).one().getInstant("updated_at"))
                .as("written once, by the second patch").isNotNull();
    }

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("not an object", "[{\"op\": \"replace\"}]"),
                Arguments.of("malformed JSON", "{\"url\": "),
                Arguments.of("url removed", "{\"url\": null}"),
                Arguments.of("a number for url", "{\"url\": 5}"),
                Arguments.of("a javascript url", "{\"url\": \"javascript:alert(1)\"}"),
                Arguments.of("a private address", "{\"url\": \"http://10.0.0.1/\"}"),
                Arguments.of("an expiry without offset", "{\"expiresAt\": \"2099-01-01T00:00:00\"}"),
                Arguments.of("redirect type 303", "{\"redirectType\": 303}"),
                Arguments.of("a string for redirectType", "{\"redirectType\": \"301\"}"),
                Arguments.of("a title over 200 characters", "{\"title\": \"" + "t".repeat(201) + "\"}"),
                Arguments.of("a number for title", "{\"title\": 1}"),
                Arguments.of("a string for tags", "{\"tags\": \"a\"}"),
                Arguments.of("a bad tag", "{\"tags\": [\"#a\"]}"),
                Arguments.of("a new code", "{\"code\": \"other\"}"),
                Arguments.of("utm not an object", "{\"utm\": \"source=x\"}"),
                Arguments.of("an unknown utm field", "{\"utm\": {\"id\": \"1\"}}"),
                Arguments.of("a number for a utm field", "{\"utm\": {\"source\": 1}}"),
                Arguments.of("rules not an array", "{\"rules\": {\"url\": \"https://example.de\"}}"),
                Arguments.of("a rule to a private address", "{\"rules\": [{\"url\": \"http://10.0.0.1/\"}]}"),
                Arguments.of("a rule with url and split", "{\"rules\": [{\"url\": \"https://example.de\", \"split\": []}]}"),
                Arguments.of("a language that is no tag", "{\"rules\": [{\"when\": {\"language\": [\"de_DE\"]}, \"url\": \"https://example.de\"}]}"),
                Arguments.of("an unknown member", "{\"colour\": \"red\"}"),
                Arguments.of("a good member and a bad one", "{\"title\": \"fine\", \"tags\": [7]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPatches")
    void aBadPatchIsRefusedAndChangesNothing(String what, String patch) throws Exception {
        JsonNode link = http.createLink("{\"url\": \"https://example.com/untouched\", \"title\": \"Untouched\", \"tags\": [\"keep\"]}");
        String code = link.get("code").asText();

        assertJsonError(http.patchJson("/api/v1/links/" + code, patch), 400);

        assertThat(JSON.readTree(http.get("/api/v1/links/" + code).body())).isEqualTo(link);
        assertThat(cql.execute("SELECT updated_at FROM " + KEYSPACE + ".links WHERE code = ?", code).one().getInstant("updated_at")).isNull();
    }

    @Test
    void aDeletedOrUnknownLinkIs404() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/gone\"}").get("code").asText();
        assertThat(http.delete("/api/v1/links/" + code).statusCode()).isEqualTo(204);

        assertJsonError(http.patchJson("/api/v1/links/" + code, "{\"title\": \"x\"}"), 404);
        assertJsonError(http.patchJson("/api/v1/links/nosuchcode1", "{\"title\": \"x\"}"), 404);
        assertThat(http.get("/" + code).statusCode()).isEqualTo(404);
    }
}
