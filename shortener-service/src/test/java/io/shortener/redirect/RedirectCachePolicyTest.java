package io.shortener.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.link.Link;
import io.shortener.link.RedirectType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RedirectCachePolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final RedirectCachePolicy policy = new RedirectCachePolicy(90, 3600);

    @Test
    void temporaryRedirectsAreCachedPrivatelyAndBriefly() {
        assertThat(policy.cacheControl(link(RedirectType.FOUND, null), NOW)).isEqualTo("private, max-age=90");
        assertThat(policy.cacheControl(link(RedirectType.TEMPORARY_REDIRECT, null), NOW)).isEqualTo("private, max-age=90");
    }

    @Test
    void permanentRedirectsGetTheConfiguredMaxAge() {
        assertThat(policy.cacheControl(link(RedirectType.MOVED_PERMANENTLY, null), NOW)).isEqualTo("private, max-age=3600");
        assertThat(policy.cacheControl(link(RedirectType.PERMANENT_REDIRECT, null), NOW)).isEqualTo("private, max-age=3600");
    }

    @Test
    void neverLetsABrowserKeepARedirectPastTheLinksExpiry() {
        Link expiresSoon = link(RedirectType.MOVED_PERMANENTLY, NOW.plusSeconds(30));

        assertThat(policy.cacheControl(expiresSoon, NOW)).isEqualTo("private, max-age=30");
    }

    private static Link link(RedirectType type, Instant expiresAt) {
        return new Link("abc", 1, "https://example.com", NOW.minusSeconds(60), expiresAt, type, true, "test");
    }
}
