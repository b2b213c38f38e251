package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code cache.redis.breaker}: when this share of recent Redis calls fail, stop calling Redis for a
 * while and go straight to Cassandra; then let a few calls through to see whether it is back.
 */
public class BreakerConfiguration {

    @JsonProperty
    @Min(1)
    @Max(100)
    private int failureRatePercent = 50;

    @JsonProperty
    @Min(1)
    private int slidingWindowCalls = 20;

    @JsonProperty
    @Min(1)
    private int minimumCalls = 5;

    @JsonProperty
    @NotNull
    private Duration waitInOpenState = Duration.seconds(3);

    @JsonProperty
    @Min(1)
    private int callsInHalfOpenState = 3;

    public CircuitBreaker build() {
        return CircuitBreaker.of("redis", CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRatePercent)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowCalls)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(waitInOpenState.toJavaDuration())
                .permittedNumberOfCallsInHalfOpenState(callsInHalfOpenState)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // Every Jedis failure: connection refused or timed out (JedisConnectionException), retries
                // used up (JedisClusterOperationException), CLUSTERDOWN and other cluster replies
                // (JedisClusterException, a JedisDataException).
                .recordExceptions(JedisException.class)
                .build());
    }
}
