package io.shortener.visits;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.shortener.cache.RedisConnection;
import io.shortener.cache.RedisScript;
import java.util.List;

/**
 * A visit counter per link in the region's Redis Cluster, checked against the link's maximum as it is
 * incremented, in one script call on the node that holds it. Throws what Redis throws (and the breaker's
 * refusal while it is open): {@link VisitLimits} decides what a limit means without Redis.
 */
public final class RedisVisitCounters {

    private static final RedisScript COUNT = RedisScript.of(RedisVisitCounters.class, "count-visit.lua");
    private static final RedisScript RAISE = RedisScript.of(RedisVisitCounters.class, "raise-visits.lua");

    private final RedisConnection redis;
    private final CircuitBreaker breaker;
    private final String prefix;

    public RedisVisitCounters(RedisConnection redis, CircuitBreaker breaker, String prefix) {
        this.redis = redis;
        this.breaker = breaker;
        this.prefix = prefix;
    }

    /**
     * Counts one visit if fewer than {@code max} were counted; {@code known}: the count the caller knows of,
     * never above the true one (a counter below it, which Redis lost, is raised to it first).
     */
    Count count(String code, long max, long known) {
        List<?> reply = (List<?>) call(COUNT, code, Long.toString(max), Long.toString(known));
        return new Count((Long) reply.get(0) == 1, (Long) reply.get(1));
    }

    /** Raises the counter to at least {@code exact}; the count afterwards. */
    long raise(String code, long exact) {
        return (Long) call(RAISE, code, Long.toString(exact));
    }

    /** What a count did: whether the visit was let in, and the link's count of visits after it. */
    record Count(boolean admitted, long visits) {
    }

    private Object call(RedisScript script, String code, String... arguments) {
        List<String> keys = List.of(prefix + code);
        List<String> args = List.of(arguments);
        return breaker.executeSupplier(() -> script.run(redis, keys, args));
    }
}
