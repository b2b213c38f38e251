package io.shortener.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a request's key belongs to. A key is looked up by its hash and the answer (a key, or none) kept
 * {@code cacheTtl} in this process: an API request costs no Cassandra read while its key is warm, and a
 * revoke reaches every instance within the TTL. Text without a key's form is refused before any lookup, so
 * a flood of made-up keys costs no reads either.
 */
public final class ApiKeys {

    /** The two headers a key may come in: {@code Authorization: Bearer <key>}, or {@code X-Api-Key: <key>} as Shlink's clients send it. */
    public static final String AUTHORIZATION = "Authorization";
    public static final String API_KEY = "X-Api-Key";

    public static final String INITIAL_KEY_NAME = "initial";
    public static final String INITIAL_KEY_ACCOUNT = "admin";

    private final ApiKeyStore store;
    private final Cache<String, Optional<ApiKey>> recent;
    private final boolean anonymousCreates;
    private final Clock clock;

    public ApiKeys(ApiKeyStore store, Duration cacheTtl, boolean anonymousCreates, Clock clock) {
        this.store = store;
        this.anonymousCreates = anonymousCreates;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
    }

    /** The caller behind {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}; 401 when there is none or it is not valid. */
    public Caller authenticate(String authorization, String apiKey) {
        String key = keyIn(authorization, apiKey)
                .orElseThrow(() -> new Unauthenticated("an API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"));
        return check(key);
    }

    /** As {@link #authenticate}, but a request without any key creates anonymously where the operator allows it. */
    public Caller authenticateCreator(String authorization, String apiKey) {
        if (anonymousCreates && keyIn(authorization, apiKey).isEmpty()) {
            return Caller.ANONYMOUS;
        }
        return authenticate(authorization, apiKey);
    }

    /**
     * The caller behind the request's key if this instance has already checked that key and found it
     * valid; empty otherwise (no key, an unknown one, one not yet looked up). Never reads the store.
     */
    public Optional<Caller> knownCaller(String authorization, String apiKey) {
        Optional<String> key = keyIn(authorization, apiKey).filter(ApiKeySecrets::looksLikeKey);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> stored = recent.getIfPresent(ApiKeySecrets.hash(key.get()));
        return stored == null ? Optional.empty() : stored.filter(found -> found.usableAt(clock.instant())).map(ApiKey::caller);
    }

    /** Whether the request sent anything as a key at all. */
    public static boolean sentKey(String authorization, String apiKey) {
        return keyIn(authorization, apiKey).isPresent();
    }

    private Caller check(String key) {
        Optional<ApiKey> stored = ApiKeySecrets.looksLikeKey(key)
                ? recent.get(ApiKeySecrets.hash(key), store::findByHash)
                : Optional.empty();
        return stored.filter(found -> found.usableAt(clock.instant())).map(ApiKey::caller)
                .orElseThrow(() -> new Unauthenticated("the API key is not valid: unknown, revoked or expired"));
    }

    /** Stores the operator's initial key (see {@link AccessConfiguration#getInitialKey}). */
    public void ensureInitialKey(String key) {
        if (!ApiKeySecrets.looksLikeKey(key)) {
            throw new IllegalArgumentException("access.initialKey must be a key of this service's form (shk_ and 32 URL-safe "
                    + "characters), as bin/shortener apikey create prints; or empty");
        }
        store.ensure(new ApiKey(ApiKeySecrets.hash(key), INITIAL_KEY_NAME, INITIAL_KEY_ACCOUNT, EnumSet.allOf(Scope.class),
                ApiKeySecrets.displayPrefix(key), clock.instant(), null, null), clock.instant());
    }

    private static Optional<String> keyIn(String authorization, String apiKey) {
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.trim().split("\\s+", 2);
            if (parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
                return Optional.of(parts[1].trim());
            }
            // Another scheme (Basic, …) is no key of ours: as if it were a wrong key, not a missing one.
            return Optional.of(authorization.trim());
        }
        return Optional.ofNullable(apiKey).map(String::trim).filter(text -> !text.isEmpty());
    }
}
