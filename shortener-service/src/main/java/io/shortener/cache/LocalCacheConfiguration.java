package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
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

    @JsonProperty
    @NotNull
    private Duration negativeTtl = Duration.seconds(10);

    public long getMaximumSize() {
        return maximumSize;
    }

    public CacheTtl ttl() {
        return new CacheTtl(ttl.toJavaDuration(), negativeTtl.toJavaDuration());
    }
}
