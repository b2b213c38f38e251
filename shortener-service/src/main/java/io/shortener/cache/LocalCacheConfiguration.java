package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;

/** {@code cache.local}: the in-process level (L1) of each instance. */
public class LocalCacheConfiguration {

    /**
     * Bytes of heap L1 may take, estimated per entry (CacheWeights): bounded by weight, not count, so that
     * links with 8 KiB URLs cannot take 30 times the memory that ordinary ones do.
     */
    @JsonProperty
    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maximumWeight = DataSize.mebibytes(32);

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

    public long maximumWeightBytes() {
        return maximumWeight.toBytes();
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
