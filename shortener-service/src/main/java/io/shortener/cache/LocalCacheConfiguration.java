package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code cache.local}: the in-process level (L1) of each instance. */
public class LocalCacheConfiguration {

    @JsonProperty
    @Min(0)
    private long maximumSize = 100_000;

    @JsonProperty
    @NotNull
    private Duration ttl = Duration.seconds(60);

    /**
     * A link read when its entry is older than this is answered from the entry and reloaded in the
     * background: a link in use never expires under its readers, who would otherwise all wait for one
     * load each time its TTL runs out. Unset: half the TTL.
     */
    @JsonProperty
    private Duration refreshAfter;

    @JsonProperty
    @NotNull
    private Duration negativeTtl = Duration.seconds(10);

    public long getMaximumSize() {
        return maximumSize;
    }

    public java.time.Duration refreshAfter() {
        return refreshAfter != null ? refreshAfter.toJavaDuration() : java.time.Duration.ofNanos(Math.max(1, ttl.toNanoseconds() / 2));
    }

    @JsonIgnore
    @ValidationMethod(message = "refreshAfter must be positive and shorter than ttl (an entry would expire before it is refreshed)")
    public boolean isRefreshBeforeExpiry() {
        return refreshAfter == null || (refreshAfter.toNanoseconds() > 0 && refreshAfter.toNanoseconds() < ttl.toNanoseconds());
    }

    public CacheTtl ttl() {
        return new CacheTtl(ttl.toJavaDuration(), negativeTtl.toJavaDuration());
    }
}
