package io.shortener.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.devstack.junit.Await;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.access.ApiKey;
import io.shortener.access.ApiKeySecrets;
import io.shortener.access.ApiKeyStore;
import io.shortener.access.Scope;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The blocklist through the API and the file, at create and after the fact, on two instances (a change
 * made through one reaches the other within the refresh); and the link-check hook (FlaggingCheck).
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class BlocklistIT {

    private static final String KEYSPACE = "blocklist_it";
    private static final Path FILE = blocklistFile();
    private static final String[] CONFIG = {
            "safety.blocklistFile", FILE.toString(),
            "safety.blocklistRefresh", "300ms"};
    private static final DropwizardAppExtension<ShortenerConfiguration> ONE = TestApps.shortener(KEYSPACE, CONFIG);
    private static final DropwizardAppExtension<ShortenerConfiguration> TWO = TestApps.shortener(KEYSPACE, CONFIG);
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Http one = new Http(ONE.getLocalPort());
    private final Http two = new Http(TWO.getLocalPort());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBlockedDomainRefusesNewLinksAndStopsOldOnesOnEveryInstanceUntilUnblocked() throws Exception {
        String code = one.createCode("{\"url\": \"https://www.shady.example/offer\"}");
        assertThat(two.get("/" + code).statusCode()).as("before the block").isEqualTo(302);

        HttpResponse<String> block = one.send(one.request("/api/v1/blocklist/domains/shady.example").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"reason\": \"phishing\"}")).build());
        assertThat(block.statusCode()).as(block.body()).isEqualTo(200);

        HttpResponse<String> refused = one.postJson("/api/v1/links", "{\"url\": \"https://login.shady.example/\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("shady.example, a blocked domain: phishing");
        HttpResponse<String> stopped = Await.until("the other instance to stop the old link", BOUND, () -> two.get("/" + code),
                answer -> answer.statusCode() == 451);
        assertThat(stopped.body()).contains("\"code\":451").contains("a blocked domain");
        assertThat(one.get("/api/v1/blocklist").body()).contains("\"value\":\"shady.example\"").contains("\"reason\":\"phishing\"");

        assertThat(one.delete("/api/v1/blocklist/domains/shady.example").statusCode()).isEqualTo(204);
        Await.until("the other instance to redirect again", BOUND, () -> two.get("/" + code).statusCode() == 302);
        assertThat(one.delete("/api/v1/blocklist/domains/shady.example").statusCode()).as("no longer blocked").isEqualTo(404);
    }

    @Test
    void theFilesDomainsAreBlockedAndOnlyTheFileCanUnblockThem() {
        HttpResponse<String> refused = one.postJson("/api/v1/links", "{\"url\": \"https://cdn.filed.example/x\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("filed.example, a blocked domain: from the file");
        assertThat(one.delete("/api/v1/blocklist/domains/filed.example").statusCode()).isEqualTo(409);
    }

    @Test
    void aSingleLinkCanBeBlockedAndUnblocked() throws Exception {
        String code = one.createCode("{\"url\": \"https://example.com/one-bad-link\"}");
        String neighbour = one.createCode("{\"url\": \"https://example.com/a-good-link\"}");

        assertThat(one.send(one.request("/api/v1/blocklist/links/" + code).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(200);

        Await.until("the link to be blocked on the other instance", BOUND, () -> two.get("/" + code).statusCode() == 451);
        assertThat(two.get("/" + neighbour).statusCode()).as("the same domain's other link").isEqualTo(302);
        assertThat(one.delete("/api/v1/blocklist/links/" + code).statusCode()).isEqualTo(204);
        Await.until("the link to redirect again", BOUND, () -> two.get("/" + code).statusCode() == 302);
    }

    @Test
    void theBlocklistIsForAdminKeysOnly() {
        String key = new ApiKeySecrets(new SecureRandom()).generate();
        try (CqlSession cql = TestApps.cql()) {
            new ApiKeyStore(cql, KEYSPACE).create(new ApiKey(ApiKeySecrets.hash(key), "blocklist-writer-" + System.nanoTime(),
                    "someone", EnumSet.of(Scope.LINKS_WRITE, Scope.LINKS_READ), ApiKeySecrets.displayPrefix(key), Instant.now(), null, null));
        }
        Http writer = one.withKey(key);

        assertThat(writer.get("/api/v1/blocklist").statusCode()).isEqualTo(403);
        assertThat(writer.delete("/api/v1/blocklist/domains/filed.example").statusCode()).isEqualTo(403);
        assertThat(one.anonymous().get("/api/v1/blocklist").statusCode()).isEqualTo(401);
        assertThat(one.send(one.request("/api/v1/blocklist/domains/not_a_domain").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(400);
    }

    @Test
    void aLinkCheckBlocksWhatItFlagsAfterTheCreate() throws Exception {
        String clean = one.createCode("{\"url\": \"https://clean.example/page\"}");
        String flagged = one.createCode("{\"url\": \"" + "https://" + FlaggingCheck.FLAGGED_HOST + "/page" + "\"}");

        HttpResponse<String> stopped = Await.until("the check to block the flagged link", BOUND, () -> two.get("/" + flagged),
                answer -> answer.statusCode() == 451);
        assertThat(stopped.body()).contains("flagged by the test check");
        // One thread checks links in order: the clean one was checked, and passed, before the flagged one.
        assertThat(two.get("/" + clean).statusCode()).isEqualTo(302);
    }

    private static Path blocklistFile() {
        try {
            Path file = Files.createTempFile("blocklist", ".txt");
            Files.writeString(file, "# a test blocklist\nfiled.example   # from the file\n\nnot a domain\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
