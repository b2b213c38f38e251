package io.shortener.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;

/** {@code access}: who may use the API. */
public final class AccessConfiguration {

    /**
     * A key the service stores (named {@code initial}, every scope, account {@code admin}) at every start,
     * so that a new deployment has a first key to make the others with; empty for none. A changed key
     * revokes the one it replaces.
     */
    @JsonProperty
    private String initialKey = "";

    /** Creates without a key (owned by no account: only admin keys see them); off, as on a private shortener. */
    @JsonProperty
    private boolean anonymousCreates = false;

    /** How long an instance trusts a key it has looked up: a revoke takes effect everywhere within this. */
    @JsonProperty
    private Duration keyCacheTtl = Duration.seconds(5);

    public String getInitialKey() {
        return initialKey;
    }

    public boolean isAnonymousCreates() {
        return anonymousCreates;
    }

    public java.time.Duration keyCacheTtl() {
        return java.time.Duration.ofMillis(keyCacheTtl.toMilliseconds());
    }
}
