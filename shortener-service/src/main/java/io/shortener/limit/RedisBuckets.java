package io.shortener.limit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.shortener.cache.RedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Buckets in the Redis Cluster, shared by every instance: one script call per take, atomic on the node
 * that holds the bucket. Throws what Redis throws (and the breaker's refusal while it is open); callers
 * decide what a limit without Redis means.
 */
public final class RedisBuckets implements Buckets {

    static final String SCRIPT = script();

    private final RedisConnection redis;
    private final CircuitBreaker breaker;
    private final String prefix;
    private final String sha;

    public RedisBuckets(RedisConnection redis, CircuitBreaker breaker, String prefix) {
        this.redis = redis;
        this.breaker = breaker;
        this.prefix = prefix;
        this.sha = sha1(SCRIPT);
    }

    @Override
    public Take take(String name, Bandwidth bandwidth, long wanted) {
        List<String> keys = List.of(prefix + name);
        List<String> args = List.of(Long.toString(bandwidth.capacity()), Long.toString(bandwidth.refill()),
                Long.toString(bandwidth.periodMicros()), Long.toString(wanted));
        List<?> reply = breaker.executeSupplier(() -> {
            try {
                return (List<?>) redis.client().evalsha(sha, keys, args);
            } catch (JedisNoScriptException e) {
                // A node that has not seen the script yet (or restarted): EVAL sends it, and it stays there.
                return (List<?>) redis.client().eval(SCRIPT, keys, args);
            }
        });
        return new Take((Long) reply.get(0), (Long) reply.get(1), (Long) reply.get(2), (Long) reply.get(3));
    }

    private static String script() {
        try (InputStream in = RedisBuckets.class.getResourceAsStream("take-tokens.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
