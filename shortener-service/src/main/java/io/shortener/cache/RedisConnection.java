package io.shortener.cache;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis Cluster client, made on first use and made again after a failed attempt (at most once a
 * second): the service starts, and serves from Cassandra, even while Redis is down.
 */
public final class RedisConnection implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisCacheFactory factory;
    private volatile RedisClusterClient client;
    private long nextAttemptNanos;
    private boolean stopped;

    public RedisConnection(RedisCacheFactory factory) {
        this.factory = factory;
    }

    public RedisClusterClient client() {
        RedisClusterClient current = client;
        return current != null ? current : connect();
    }

    private synchronized RedisClusterClient connect() {
        if (client != null) {
            return client;
        }
        if (stopped) {
            throw new JedisConnectionException("the Redis connection is closed");
        }
        long now = System.nanoTime();
        if (now - nextAttemptNanos < 0) {
            throw new JedisConnectionException("Redis Cluster " + factory.nodes() + " unreachable; retrying shortly");
        }
        try {
            client = factory.connect();
            LOG.info("connected to Redis Cluster {}", factory.nodes());
            return client;
        } catch (JedisException e) {
            nextAttemptNanos = now + RETRY_NANOS;
            LOG.warn("Redis Cluster {} unreachable: {}", factory.nodes(), e.toString());
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
