package io.shortener.access;

import java.time.Instant;
import java.util.Set;

/** An API key as stored: never the key itself, only its hash, and what the key may do. */
public record ApiKey(String hash, String name, String account, Set<Scope> scopes, String prefix, Instant createdAt,
                     Instant expiresAt, Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Caller caller() {
        return new Caller(name, account, scopes);
    }
}
