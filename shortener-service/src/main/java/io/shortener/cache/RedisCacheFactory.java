package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;

/**
 * {@code cache.redis}: the shared level (L2), a Redis Cluster. Timeouts are tight and retries few on
 * purpose: Jedis' defaults (2 s, 5 attempts, 10 s in all) would let a sick Redis stall a redirect.
 */
public class RedisCacheFactory {

    /** Seed nodes, comma-separated; the client discovers the rest of the cluster from any of them. */
    @JsonProperty
    @NotEmpty
    @Pattern(regexp = "[^:,]+:\\d+(,[^:,]+:\\d+)*", message = "must be host:port[,host:port…]")
    private String nodes = "127.0.0.1:16379,127.0.0.1:16380,127.0.0.1:16381";

    @JsonProperty
    @NotNull
    private Duration ttl = Duration.hours(24);

    @JsonProperty
    @NotNull
    private Duration negativeTtl = Duration.seconds(10);

    @JsonProperty
    @NotNull
    private Duration connectTimeout = Duration.milliseconds(100);

    @JsonProperty
    @NotNull
    private Duration socketTimeout = Duration.milliseconds(100);

    @JsonProperty
    @Min(1)
    private int maxAttempts = 2;

    @JsonProperty
    @NotNull
    private Duration maxTotalRetries = Duration.milliseconds(250);

    @JsonProperty
    @NotEmpty
    private String keyPrefix = "link:";

    @JsonProperty
    @NotEmpty
    private String invalidationChannel = "shortener:invalidations";

    /**
     * A delete is announced twice, the second time this much later: a reader that loaded the link from
     * Cassandra just before the delete may write it back to Redis just after the first announcement.
     */
    @JsonProperty
    @NotNull
    private Duration invalidationRepeat = Duration.seconds(3);

    @JsonProperty
    @Valid
    @NotNull
    private BreakerConfiguration breaker = new BreakerConfiguration();

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public String getInvalidationChannel() {
        return invalidationChannel;
    }

    public java.time.Duration invalidationRepeat() {
        return invalidationRepeat.toJavaDuration();
    }

    public BreakerConfiguration getBreaker() {
        return breaker;
    }

    public CacheTtl ttl() {
        return new CacheTtl(ttl.toJavaDuration(), negativeTtl.toJavaDuration());
    }

    public String nodes() {
        return nodes;
    }

    public RedisClusterClient connect() {
        Set<HostAndPort> seeds = Arrays.stream(nodes.split(",")).map(String::trim).map(HostAndPort::from).collect(Collectors.toSet());
        return RedisClusterClient.builder()
                .nodes(seeds)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis((int) connectTimeout.toMilliseconds())
                        .socketTimeoutMillis((int) socketTimeout.toMilliseconds())
                        .clientName("shortener-service")
                        .build())
                .maxAttempts(maxAttempts)
                .maxTotalRetriesDuration(maxTotalRetries.toJavaDuration())
                .build();
    }
}
