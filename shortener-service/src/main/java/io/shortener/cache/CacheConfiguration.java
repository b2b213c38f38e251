package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code cache}: L1 in each instance, L2 in a Redis Cluster, Cassandra (L3) behind both. */
public class CacheConfiguration {

    @JsonProperty
    @Valid
    @NotNull
    private LocalCacheConfiguration local = new LocalCacheConfiguration();

    @JsonProperty
    @Valid
    @NotNull
    private RedisCacheFactory redis = new RedisCacheFactory();

    @JsonProperty
    @Valid
    @NotNull
    private CrossRegionConfiguration regions = new CrossRegionConfiguration();

    public LocalCacheConfiguration getLocal() {
        return local;
    }

    public RedisCacheFactory getRedis() {
        return redis;
    }

    public CrossRegionConfiguration getRegions() {
        return regions;
    }
}
