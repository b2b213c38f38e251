package io.shortener.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long one level may keep an entry: the level's TTL for a link, its negative TTL for an absent code,
 * and never past the link's own expiry, so no level ever answers with an expired link.
 */
public record CacheTtl(Duration positive, Duration negative) {

    public Duration of(CacheEntry entry, Clock clock) {
        if (entry.isAbsent()) {
            return negative;
        }
        Instant expiresAt = entry.link().expiresAt();
        if (expiresAt == null) {
            return positive;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(positive) < 0 ? left : positive;
    }
}
