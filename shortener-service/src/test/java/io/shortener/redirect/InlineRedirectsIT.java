package io.shortener.redirect;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default connector ({@code inline-http}) answers redirects L1 holds on the selector thread and hands
 * the rest to pool threads; a plain {@code http} connector, the positive control, answers the same on pool
 * threads only.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("redirects")
class InlineRedirectsIT {

    static final DropwizardAppExtension<ShortenerConfiguration> INLINE = TestApps.shortener("it_inline_redirects",
            "ids.machine", "1");
    static final DropwizardAppExtension<ShortenerConfiguration> PLAIN = TestApps.shortener("it_inline_redirects",
            "ids.machine", "2", "server.applicationConnectors[0].type", "http");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRedirectL1HoldsIsAnsweredOnTheSelectorThreadAndAMissOnAPoolThread() throws Exception {
        Http http = new Http(INLINE.getLocalPort());
        String code = create(http, "https://example.com/inline");
        long before = answeredOnSelector(INLINE);

        HttpResponse<String> miss = http.get("/" + code);
        long afterMiss = answeredOnSelector(INLINE);
        // On a connection of its own: a pool thread that has just answered on a connection may read the next
        // request on it before the selector does (and answers it itself, as on a plain connector).
        HttpResponse<String> hit = new Http(INLINE.getLocalPort()).get("/" + code);

        assertThat(miss.statusCode()).isEqualTo(302);
        assertThat(hit.statusCode()).isEqualTo(302);
        assertThat(hit.headers().firstValue("Location")).hasValue("https://example.com/inline");
        assertThat(hit.headers().map()).containsOnlyKeys(miss.headers().map().keySet());
        assertThat(afterMiss).as("the first read loads the link: a pool thread's work").isEqualTo(before);
        assertThat(answeredOnSelector(INLINE)).isEqualTo(before + 1);
    }

    @Test
    void anUnknownCodeAndTheApiAreAnsweredAsOnAPlainConnector() throws Exception {
        Http inline = new Http(INLINE.getLocalPort());
        Http plain = new Http(PLAIN.getLocalPort());
        String code = create(inline, "https://example.com/either");

        for (Http http : new Http[] {inline, plain}) {
            assertJsonError(http.get("/noSuchCode42"), 404);
            assertJsonError(http.get("/noSuchCode42"), 404);
            HttpResponse<String> head = http.head("/noSuchCode42");
            assertThat(head.statusCode()).isEqualTo(404);
            assertThat(head.body()).isEmpty();
            assertThat(http.get("/api/v1/links/" + code).statusCode()).isEqualTo(200);
            assertThat(http.get("/" + code).statusCode()).isEqualTo(302);
            assertThat(http.get("/" + code).headers().firstValue("Location")).hasValue("https://example.com/either");
        }
        assertThat(answeredOnSelector(PLAIN)).isZero();
    }

    private String create(Http http, String url) throws Exception {
        HttpResponse<String> created = http.postJson("/api/v1/links", "{\"url\": \"" + url + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("code").asText();
    }

    private static long answeredOnSelector(DropwizardAppExtension<ShortenerConfiguration> app) {
        return app.getEnvironment().metrics().counter(RedirectHandler.ON_SELECTOR_METRIC).getCount();
    }
}
