package io.shortener.redirect;

import io.shortener.link.Link;
import java.time.Duration;
import java.time.Instant;

/**
 * The Cache-Control of a redirect. Always {@code private}: a shared cache (a CDN, a proxy) answering for
 * us would hide clicks and keep serving deleted links. The max-age never outlives the link's expiry. A
 * link with redirect rules is not kept at all: the next visit may match another rule (a time window
 * passes, a query parameter differs) and each visit's rule and variant is counted; nor is the redirect a
 * password let through: the next visit must give it again.
 */
public final class RedirectCachePolicy {

    private final long temporaryMaxAgeSeconds;
    private final long permanentMaxAgeSeconds;

    public RedirectCachePolicy(long temporaryMaxAgeSeconds, long permanentMaxAgeSeconds) {
        this.temporaryMaxAgeSeconds = temporaryMaxAgeSeconds;
        this.permanentMaxAgeSeconds = permanentMaxAgeSeconds;
    }

    public String cacheControl(Link link, Instant now) {
        if (!link.rules().isEmpty() || link.passwordHash() != null) {
            return "private, no-store";
        }
        long maxAge = link.redirectType().isPermanent() ? permanentMaxAgeSeconds : temporaryMaxAgeSeconds;
        if (link.expiresAt() != null) {
            maxAge = Math.min(maxAge, Math.max(0, Duration.between(now, link.expiresAt()).toSeconds()));
        }
        return "private, max-age=" + maxAge;
    }
}
