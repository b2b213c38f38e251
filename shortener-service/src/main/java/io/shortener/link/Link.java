package io.shortener.link;

import java.time.Instant;
import java.util.Objects;

/**
 * A short link as stored: its code, the Snowflake ID it was created with, where it points and until when,
 * and the account that owns it. {@code expiresAt} is null for links that never expire, {@code owner} for
 * links created anonymously (or before links had owners).
 */
public record Link(String code, long id, String url, Instant createdAt, Instant expiresAt,
                   RedirectType redirectType, boolean customAlias, String owner) {

    public Link {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(redirectType, "redirectType");
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
