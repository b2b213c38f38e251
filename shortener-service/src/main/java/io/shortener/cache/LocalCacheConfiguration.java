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
     * load each time its TTL runs out.
     */
    @JsonProperty
    @NotNull
    private Duration refreshAfter = Duration.seconds(30);

    @JsonProperty
    @NotNull
    private Duration negativeTtl = Duration.seconds(10);

    public long getMaximumSize() {
        return maximumSize;
    }

    public java.time.Duration refreshAfter() {
        return refreshAfter.toJavaDuration();
    }

    @JsonIgnore
    @ValidationMethod(message = "refreshAfter must be positive and shorter than ttl (an entry expires before it would be refreshed)")
    public boolean isRefreshBeforeExpiry() {
        return refreshAfter.toNanoseconds() > 0 && refreshAfter.toNanoseconds() < ttl.toNanoseconds();
    }

    public CacheTtl ttl() {
        return new CacheTtl(ttl.toJavaDuration(), negativeTtl.toJavaDuration());
    }
}
