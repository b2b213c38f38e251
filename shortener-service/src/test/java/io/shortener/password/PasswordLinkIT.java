package io.shortener.password;

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
import io.shortener.click.KafkaTopicReader;
import io.shortener.click.UserAgentClassifierTest;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import io.shortener.web.BrowserScript;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Password-protected links: the form, the slow hash, the attempts' limit, the click once let through, and a real browser. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class PasswordLinkIT {

    private static final String TOPIC = "clicks_it_passwords";
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(TestApps.SHARED_KEYSPACE,
            "clicks.topic", TOPIC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = UserAgentClassifierTest.CHROME_WINDOWS;
    private static CqlSession cql;

    private final Http http = new Http(APP.getLocalPort());

    @BeforeAll
    static void connect() throws Exception {
        cql = TestApps.cql();
        new KafkaTopicReader(RealKafka.SETTINGS.bootstrapServers()).createTopic(TOPIC, 3);
    }

    @AfterAll
    static void disconnect() {
        cql.close();
    }

    private JsonNode create(String body) {
        return http.createLink(body);
    }

    private HttpResponse<String> submit(String path, String password, String accept) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build());
    }

    @Test
    void theApiNeverShowsThePasswordAndCassandraHoldsOnlyItsSlowHash() throws Exception {
        JsonNode link = create("{\"url\": \"https://example.com/secret\", \"password\": \"correct horse\"}");
        String code = link.get("code").asText();

        assertThat(link.get("passwordProtected").asBoolean()).isTrue();
        assertThat(link.toString()).doesNotContain("correct horse").doesNotContain("argon2");
        String read = http.get("/api/v1/links/" + code).body();
        assertThat(read).doesNotContain("correct horse").doesNotContain("argon2").contains("\"passwordProtected\":true");
        String stored = cql.execute("SELECT password_hash FROM " + TestApps.SHARED_KEYSPACE + ".links WHERE code = ?", code).one()
                .getString("password_hash");
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(create("{\"url\": \"https://example.com/open\"}").get("passwordProtected").asBoolean()).isFalse();
    }

    @Test
    void aListSaysWhichLinksHaveAPasswordOrAMaximumAndFollowsTheirEdits() throws Exception {
        String tag = "locked-" + System.nanoTime();
        String code = create("{\"url\": \"https://example.com/secret\", \"password\": \"correct horse\", \"maxVisits\": 7, \"tags\": [\""
                + tag + "\"]}").get("code").asText();
        JsonNode listed = JSON.readTree(http.get("/api/v1/links?tag=" + tag).body()).get("links").get(0);
        assertThat(listed.get("code").asText()).isEqualTo(code);
        assertThat(listed.get("passwordProtected").asBoolean()).isTrue();
        assertThat(listed.get("maxVisits").asLong()).isEqualTo(7);
        assertThat(listed.toString()).doesNotContain("argon2").doesNotContain("own row");

        assertThat(http.patchJson("/api/v1/links/" + code, "{\"password\": null, \"maxVisits\": null}").statusCode()).isEqualTo(200);
        JsonNode edited = JSON.readTree(http.get("/api/v1/links?tag=" + tag).body()).get("links").get(0);
        assertThat(edited.get("passwordProtected").asBoolean()).isFalse();
        assertThat(edited.get("maxVisits").isNull()).isTrue();
    }

    @Test
    void aVisitGetsTheFormAndTheRightPasswordRedirectsWith303AndCountsOneClick() throws Exception {
        String code = create("{\"url\": \"https://example.com/secret\", \"password\": \"correct horse\"}").get("code").asText();

        HttpResponse<String> form = http.get("/" + code, "User-Agent", BROWSER, "Accept", "text/html");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
        assertThat(form.headers().firstValue("Location")).isEmpty();
        assertThat(form.body()).contains("<form method=\"post\" action=\"/" + code + "\">").contains("type=\"password\"")
                .doesNotContain("<script").doesNotContain("https://");
        assertThat(http.head("/" + code).statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = submit("/" + code, "wrong horse", null);
        assertThat(assertJsonError(wrong, 403).get("message").asText()).isEqualTo("that is not the password of '" + code + "'");
        HttpResponse<String> wrongInABrowser = submit("/" + code, "wrong horse", "text/html,application/xhtml+xml");
        assertThat(wrongInABrowser.statusCode()).isEqualTo(403);
        assertThat(wrongInABrowser.body()).contains("role=\"alert\">That is not the password of &#39;" + code + "&#39;.</p>");

        HttpResponse<String> right = submit("/" + code, "correct horse", null);
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("https://example.com/secret");
        assertThat(right.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(http.get("/" + code, "User-Agent", BROWSER).statusCode()).as("the next visit needs it again").isEqualTo(200);

        List<JsonNode> clicks = new KafkaTopicReader(RealKafka.SETTINGS.bootstrapServers()).readAll(TOPIC, code, 1, Duration.ofSeconds(60));
        assertThat(clicks).as("one click: the visit let through; not the forms, not the wrong password").hasSize(1);
        assertThat(clicks.get(0).get("bot").asBoolean()).isFalse();
    }

    @Test
    void theFormKeepsTheQueryStringForTheLinksRules() throws Exception {
        String code = create("{\"url\": \"https://example.com/secret\", \"password\": \"open sesame\", \"rules\": "
                + "[{\"when\": {\"query\": {\"src\": \"qr\"}}, \"url\": \"https://example.com/from-qr\"}]}").get("code").asText();

        assertThat(http.get("/" + code + "?src=qr").body()).contains("action=\"/" + code + "?src=qr\"");
        assertThat(submit("/" + code + "?src=qr", "open sesame", null).headers().firstValue("Location")).hasValue("https://example.com/from-qr");
    }

    @Test
    void attemptsPastTheLimitFromOneAddressGet429WithRetryAfterWhateverThePassword() throws Exception {
        String code = create("{\"url\": \"https://example.com/secret\", \"password\": \"correct horse\"}").get("code").asText();
        for (int i = 0; i < 10; i++) {
            assertThat(submit("/" + code, "guess " + i, null).statusCode()).isEqualTo(403);
        }

        HttpResponse<String> refused = submit("/" + code, "correct horse", null);

        assertJsonError(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        String other = create("{\"url\": \"https://example.com/other\", \"password\": \"correct horse\"}").get("code").asText();
        assertThat(submit("/" + other, "correct horse", null).statusCode()).as("another link's attempts are its own").isEqualTo(303);
    }

    @Test
    void aPostToALinkWithoutAPasswordIs405AndToNoLink404() throws Exception {
        String code = create("{\"url\": \"https://example.com/open\"}").get("code").asText();

        HttpResponse<String> posted = submit("/" + code, "anything", null);
        assertJsonError(posted, 405);
        assertThat(posted.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertJsonError(submit("/no-such-link-" + System.nanoTime(), "anything", null), 404);
    }

    @Test
    void aPatchSetsChangesAndRemovesThePassword() throws Exception {
        String code = create("{\"url\": \"https://example.com/secret\"}").get("code").asText();
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);

        assertThat(http.patchJson("/api/v1/links/" + code, "{\"password\": \"first one\"}").statusCode()).isEqualTo(200);
        assertThat(http.get("/" + code).statusCode()).isEqualTo(200);
        assertThat(submit("/" + code, "first one", null).statusCode()).isEqualTo(303);

        assertThat(http.patchJson("/api/v1/links/" + code, "{\"password\": \"second one\"}").statusCode()).isEqualTo(200);
        assertThat(submit("/" + code, "first one", null).statusCode()).isEqualTo(403);
        assertThat(submit("/" + code, "second one", null).statusCode()).isEqualTo(303);

        assertThat(http.patchJson("/api/v1/links/" + code, "{\"password\": null}").statusCode()).isEqualTo(200);
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);
    }

    @Test
    void aPasswordTooShortTooLongOrNotAStringIsA400AndNothingIsStored() throws Exception {
        for (String bad : List.of("\"abc\"", "\"" + "p".repeat(129) + "\"", "1234", "[\"pass\"]", "\"tab\\tbed\"")) {
            String alias = "bad-password-" + System.nanoTime();
            assertJsonError(http.postJson("/api/v1/links", "{\"url\": \"https://example.com/x\", \"alias\": \"" + alias
                    + "\", \"password\": " + bad + "}"), 400);
            assertThat(http.get("/" + alias).statusCode()).as(bad).isEqualTo(404);
        }
    }

    @Test
    void aPersonInABrowserGetsTheFormIsRefusedAWrongPasswordAndLetThroughWithTheRightOne() throws Exception {
        String target = "https://example.com/through";
        String code = create("{\"url\": \"" + target + "\", \"password\": \"let me in\"}").get("code").asText();
        BrowserScript browser = new BrowserScript("password-form.mjs");

        JsonNode seen = browser.run("http://127.0.0.1:" + APP.getLocalPort() + "/" + code, "not it", "let me in", target);

        assertThat(seen.path("failures")).as("errors in the page; saw %s", seen).isEmpty();
        assertThat(seen.path("formStatus").asInt()).isEqualTo(200);
        assertThat(seen.path("title").asText()).isEqualTo("Password required");
        assertThat(seen.path("scripts").asInt()).as("no script on the page").isZero();
        assertThat(seen.path("requestedElsewhere")).as("no third-party assets").isEmpty();
        assertThat(seen.path("passwordFieldType").asText()).isEqualTo("password");
        assertThat(seen.path("wrongStatus").asInt()).isEqualTo(403);
        assertThat(seen.path("wrongMessage").asText()).isEqualTo("That is not the password of '" + code + "'.");
        assertThat(seen.path("unlockMethod").asText()).isEqualTo("POST");
        assertThat(seen.path("unlockStatus").asInt()).isEqualTo(303);
        assertThat(seen.path("sentTo").asText()).as("the browser went on to the target").isEqualTo(target);
        assertThat(seen.path("sentToMethod").asText()).isEqualTo("GET");
        assertThat(Files.size(browser.screenshots().resolve("password-form.png"))).isPositive();
    }
}
