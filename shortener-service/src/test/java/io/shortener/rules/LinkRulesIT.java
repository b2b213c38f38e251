package io.shortener.rules;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.click.UserAgentClassifierTest;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Redirect rules through the real service: each condition, the split, edits, and what a redirect of a ruled link says. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class LinkRulesIT {

    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(TestApps.SHARED_KEYSPACE,
            "clicks.countryHeader", "CF-IPCountry");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVERY_CONDITION = """
            [{"when": {"country": ["DE", "AT"]}, "url": "https://example.de/"},
             {"when": {"os": ["iOS"]}, "url": "https://apps.example.com/ios"},
             {"when": {"device": ["tablet"]}, "url": "https://example.com/tablet"},
             {"when": {"language": ["fr"]}, "url": "https://example.fr/"},
             {"when": {"query": {"src": "qr"}}, "url": "https://example.com/qr"},
             {"when": {"from": "2000-01-01T00:00:00Z", "until": "2001-01-01T00:00:00Z"}, "url": "https://example.com/y2k"}]""";

    private final Http http = new Http(APP.getLocalPort());

    private String location(String path, String... headers) {
        HttpResponse<String> redirect = http.get(path, headers);
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return redirect.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void eachConditionSendsTheVisitsItMatchesToItsTargetAndTheRestToTheLinksUrl() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/default\", \"rules\": " + EVERY_CONDITION + "}").get("code").asText();
        String chrome = UserAgentClassifierTest.CHROME_WINDOWS;

        assertThat(location("/" + code, "User-Agent", chrome, "CF-IPCountry", "at")).isEqualTo("https://example.de/");
        assertThat(location("/" + code, "User-Agent", UserAgentClassifierTest.SAFARI_IPHONE)).isEqualTo("https://apps.example.com/ios");
        assertThat(location("/" + code, "User-Agent", "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo("https://example.com/tablet");
        assertThat(location("/" + code, "User-Agent", chrome, "Accept-Language", "en-US;q=0.9, fr-CA;q=0.8"))
                .isEqualTo("https://example.fr/");
        assertThat(location("/" + code + "?src=qr", "User-Agent", chrome)).isEqualTo("https://example.com/qr");
        assertThat(location("/" + code + "?src=print", "User-Agent", chrome, "CF-IPCountry", "US", "Accept-Language", "en"))
                .as("no rule matches; the time window is long past").isEqualTo("https://example.com/default");
    }

    @Test
    void theFirstMatchingRuleWinsWhenSeveralMatch() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/default\", \"rules\": " + EVERY_CONDITION + "}").get("code").asText();

        assertThat(location("/" + code + "?src=qr", "User-Agent", UserAgentClassifierTest.SAFARI_IPHONE, "CF-IPCountry", "DE"))
                .isEqualTo("https://example.de/");
    }

    @Test
    void aSplitSharesThousandsOfVisitorsByItsWeightsAndKeepsEachOnItsVariant() throws Exception {
        String code = http.createLink("""
                {"url": "https://example.com/default", "rules": [{"split": [
                  {"url": "https://example.com/a", "weight": 75}, {"url": "https://example.com/b", "weight": 25}]}]}""")
                .get("code").asText();
        Map<String, Integer> served = new HashMap<>();
        int visitors = 2_000;
        for (int i = 0; i < visitors; i++) {
            served.merge(location("/" + code, "User-Agent", "Mozilla/5.0 (visitor " + i + ")"), 1, Integer::sum);
        }

        assertThat(served.keySet()).containsExactlyInAnyOrder("https://example.com/a", "https://example.com/b");
        assertThat(served.get("https://example.com/a") / (double) visitors).isCloseTo(0.75, within(0.04));
        String first = location("/" + code, "User-Agent", "Mozilla/5.0 (visitor 7)");
        for (int i = 0; i < 20; i++) {
            assertThat(location("/" + code, "User-Agent", "Mozilla/5.0 (visitor 7)")).as("the same visitor again").isEqualTo(first);
        }
    }

    @Test
    void aRuledRedirectIsKeptByNoCacheAndSaysNothingOfTheOtherTargets() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/default\", \"rules\": " + EVERY_CONDITION + "}").get("code").asText();

        HttpResponse<String> redirect = http.get("/" + code, "CF-IPCountry", "DE");

        assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(redirect.body()).isEmpty();
        String plain = http.createLink("{\"url\": \"https://example.com/plain\"}").get("code").asText();
        assertThat(http.get("/" + plain).headers().firstValue("Cache-Control").orElseThrow()).startsWith("private, max-age=");
    }

    @Test
    void theApiShowsTheRulesNormalisedAndAListLeavesThemOut() throws Exception {
        JsonNode created = http.createLink("""
                {"url": "https://example.com/default", "tags": ["ruled-list"], "rules": [
                  {"when": {"country": ["de"], "language": ["DE-at"]}, "url": "https://example.de/"}]}""");
        String code = created.get("code").asText();
        JsonNode expected = JSON.readTree("[{\"when\": {\"country\": [\"DE\"], \"language\": [\"de-at\"]}, \"url\": \"https://example.de/\"}]");

        assertThat(created.get("rules")).isEqualTo(expected);
        assertThat(JSON.readTree(http.get("/api/v1/links/" + code).body()).get("rules")).isEqualTo(expected);
        JsonNode listed = JSON.readTree(http.get("/api/v1/links?tag=ruled-list").body()).get("links").get(0);
        assertThat(listed.get("code").asText()).isEqualTo(code);
        assertThat(listed.get("rules").isNull()).isTrue();
        assertThat(http.createLink("{\"url\": \"https://example.com/plain\"}").get("rules")).isEqualTo(JSON.readTree("[]"));
    }

    @Test
    void aPatchReplacesTheRulesAtOnceAndNullRemovesThem() throws Exception {
        String code = http.createLink("{\"url\": \"https://example.com/default\", \"rules\": [{\"when\": {\"country\": [\"DE\"]}, \"url\": \"https://example.de/\"}]}")
                .get("code").asText();
        assertThat(location("/" + code, "CF-IPCountry", "DE")).as("cached with its rules").isEqualTo("https://example.de/");

        HttpResponse<String> patched = http.patchJson("/api/v1/links/" + code,
                "{\"rules\": [{\"when\": {\"country\": [\"FR\"]}, \"url\": \"https://example.fr/\"}]}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(location("/" + code, "CF-IPCountry", "DE")).isEqualTo("https://example.com/default");
        assertThat(location("/" + code, "CF-IPCountry", "FR")).isEqualTo("https://example.fr/");

        assertThat(http.patchJson("/api/v1/links/" + code, "{\"rules\": null}").statusCode()).isEqualTo(200);
        assertThat(location("/" + code, "CF-IPCountry", "FR")).isEqualTo("https://example.com/default");
        assertThat(JSON.readTree(http.get("/api/v1/links/" + code).body()).get("rules")).isEqualTo(JSON.readTree("[]"));
    }

    @Test
    void aMalformedRuleIsA400AndNothingIsStored() throws Exception {
        String alias = "bad-rules-" + System.nanoTime();

        JsonNode error = assertJsonError(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/x\", \"alias\": \"" + alias
                + "\", \"rules\": [{\"when\": {\"country\": [\"Germany\"]}, \"url\": \"https://example.de/\"}]}"), 400);

        assertThat(error.get("message").asText()).startsWith("rules[0].when.country must be an array of two-letter country codes");
        assertThat(http.get("/" + alias).statusCode()).isEqualTo(404);
        String code = http.createLink("{\"url\": \"https://example.com/kept\"}").get("code").asText();
        assertJsonError(http.patchJson("/api/v1/links/" + code, "{\"title\": \"changed\", \"rules\": [{\"url\": \"javascript:alert(1)\"}]}"), 400);
        JsonNode kept = JSON.readTree(http.get("/api/v1/links/" + code).body());
        assertThat(kept.get("title").isNull()).as("a patch with a bad member changes nothing").isTrue();
        assertThat(kept.get("rules")).isEqualTo(JSON.readTree("[]"));
    }
}
