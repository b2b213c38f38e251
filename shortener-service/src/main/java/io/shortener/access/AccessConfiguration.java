package io.shortener.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.shortener.client.ClientRanges;

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

    /**
     * The load balancers and proxies in front of the service (addresses and CIDR ranges, comma-separated):
     * only from them are {@code Forwarded} and {@code X-Forwarded-For} believed, for rate limits and visitor
     * ids alike. Empty: the connection's peer is the client.
     */
    @JsonProperty
    private String trustedProxies = "";

    public ClientRanges trustedProxies() {
        return ClientRanges.parse(trustedProxies);
    }

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
