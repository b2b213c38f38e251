package io.shortener.cache;

import com.codahale.metrics.health.HealthCheck;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis is a cache: without it redirects are slower, not wrong. So this check stays healthy (the
 * instance must not be taken out of service for it) and says "degraded" in its message and details.
 */
public final class RedisHealthCheck extends HealthCheck {

    private final RedisConnection connection;
    private final CircuitBreaker breaker;

    public RedisHealthCheck(RedisConnection connection, CircuitBreaker breaker) {
        this.connection = connection;
        this.breaker = breaker;
    }

    @Override
    protected Result check() {
        CircuitBreaker.State state = breaker.getState();
        try {
            connection.client().ping();
            return Result.builder().healthy()
                    .withMessage("Redis Cluster reachable; breaker %s", state)
                    .withDetail("degraded", state != CircuitBreaker.State.CLOSED)
                    .withDetail("breaker", state.name())
                    .build();
        } catch (JedisException e) {
            return Result.builder().healthy()
                    .withMessage("DEGRADED: Redis Cluster unreachable (%s); breaker %s; redirects are served from Cassandra",
                            e.getMessage(), state)
                    .withDetail("degraded", true)
                    .withDetail("breaker", state.name())
                    .build();
        }
    }
}
