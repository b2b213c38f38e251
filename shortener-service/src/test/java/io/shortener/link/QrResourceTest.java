package io.shortener.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.shortener.TestClock;
import io.shortener.error.ErrorMappers;
import io.shortener.idgen.FeistelPermutation;
import io.shortener.idgen.FixedMachine;
import io.shortener.idgen.ShortCodes;
import io.shortener.password.PasswordHashes;
import io.shortener.safety.BlockedDomains;
import io.shortener.safety.TargetHosts;
import io.shortener.snowflake.SnowflakeGenerator;
import io.shortener.snowflake.SnowflakeSettings;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The QR resource in Jersey with the application's error mappers and no server behind it (Dropwizard's
 * ResourceExtension, a link store in memory): every answer a client can get, in milliseconds.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class QrResourceTest {

    private static final TestClock CLOCK = new TestClock();
    private static final MemoryLinkStore STORE = new MemoryLinkStore();
    private static final LinkService LINKS = new LinkService(STORE,
            new ShortCodes(new FixedMachine(new SnowflakeGenerator(SnowflakeSettings.of(1, 1))), new FeistelPermutation("test-key")),
            new TargetUrlPolicy(new TargetHosts(Set.of("go.example.test"), false), BlockedDomains.NONE), new AliasPolicy(),
            RedirectType.FOUND, CLOCK, (code, url) -> { }, new PasswordHashes());

    static final ResourceExtension RESOURCES = resources();

    private static ResourceExtension resources() {
        ResourceExtension.Builder builder = ResourceExtension.builder().addResource(new QrResource(LINKS, "https://go.example.test", CLOCK));
        ErrorMappers.all().forEach(builder::addProvider);
        return builder.build();
    }

    @AfterEach
    void storeAnswersAgain() {
        STORE.failFindsWith(null);
    }

    @Test
    void drawsTheShortUrlAsSvgOrPngCacheableForADay() {
        STORE.put(link("qr-svg", null));

        Response svg = qr("qr-svg", "");
        Response png = qr("qr-svg", "?format=png&size=128");

        assertThat(svg.getStatus()).isEqualTo(200);
        assertThat(svg.getMediaType().toString()).isEqualTo("image/svg+xml");
        assertThat(svg.getHeaderString("Cache-Control")).isEqualTo("public, max-age=86400");
        assertThat(svg.readEntity(String.class)).startsWith("<svg").contains("aria-label=\"QR code of https://go.example.test/qr-svg\"");
        assertThat(png.getStatus()).isEqualTo(200);
        assertThat(png.getMediaType().toString()).isEqualTo("image/png");
        assertThat(png.readEntity(byte[].class)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void anUnknownCodeIs404AndAnExpiredLinkIs410InTheJsonErrorShape() {
        STORE.put(link("qr-brief", CLOCK.instant().plus(Duration.ofHours(1))));
        assertThat(qr("qr-brief", "").getStatus()).isEqualTo(200);

        assertError(qr("qr-never", ""), 404, "no link with code 'qr-never'");
        CLOCK.advance(Duration.ofMinutes(61));
        assertError(qr("qr-brief", ""), 410, "expired");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "?format=gif            | format must be svg or png",
            "?size=big              | size must be a whole number of pixels",
            "?size=0                | size must be a whole number of pixels",
            "?size=99999999999      | size must be a whole number of pixels",
            "?format=svg&size=-5    | size must be a whole number of pixels"})
    void aBadFormatOrSizeIs400AndNeverReachesTheStore(String query, String message) {
        STORE.put(link("qr-bad", null));
        int loads = STORE.loads();

        assertError(qr("qr-bad", query.strip()), 400, message);
        assertThat(STORE.loads()).isEqualTo(loads);
    }

    @Test
    void aStorageTimeoutIs503WithRetryAfterAndABugIs500WithAnIdNeverATrace() {
        STORE.failFindsWith(new DriverTimeoutException("no answer in 2 s"));
        Response unavailable = qr("qr-any", "");
        assertThat(unavailable.getHeaderString("Retry-After")).isEqualTo("1");
        assertError(unavailable, 503, "storage is temporarily unavailable");

        STORE.failFindsWith(new IllegalStateException("a bug with a secret inside"));
        Response bug = qr("qr-any", "");
        JsonNode body = assertError(bug, 500, "");
        assertThat(body.toString()).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at io.");
    }

    /** {@code query}: "" or "?name=value&name=value". */
    private static Response qr(String code, String query) {
        WebTarget target = RESOURCES.target("/api/v1/links/" + code + "/qr");
        for (String parameter : query.isEmpty() ? new String[0] : query.substring(1).split("&")) {
            String[] pair = parameter.split("=", 2);
            target = target.queryParam(pair[0], pair[1]);
        }
        return target.request().get();
    }

    private static JsonNode assertError(Response response, int status, String message) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("code").asInt()).isEqualTo(status);
        assertThat(body.get("message").asText()).contains(message);
        return body;
    }

    private static Link link(String code, Instant expiresAt) {
        return new Link(code, 1L, "https://example.com/" + code, Instant.parse("2026-01-01T00:00:00Z"), expiresAt, RedirectType.FOUND,
                true, "test");
    }
}
