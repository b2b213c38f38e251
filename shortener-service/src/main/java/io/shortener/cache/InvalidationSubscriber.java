package io.shortener.cache;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;

/**
 * Listens on the invalidation channel and drops announced codes from this instance's L1. While the
 * subscription is broken (Redis down), announcements are lost: on subscribing again the whole L1 is
 * cleared, so staleness is bounded by the outage plus nothing, and by the L1 TTL at worst.
 */
public final class InvalidationSubscriber implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidationSubscriber.class);
    private static final long RETRY_MILLIS = 1000;

    private final RedisConnection connection;
    private final String channel;
    private final Consumer<String> invalidate;
    private final Runnable invalidateAll;
    private final CacheMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile JedisPubSub subscription;
    private Thread thread;

    public InvalidationSubscriber(RedisConnection connection, String channel, Consumer<String> invalidate,
                                  Runnable invalidateAll, CacheMetrics metrics) {
        this.connection = connection;
        this.channel = channel;
        this.invalidate = invalidate;
        this.invalidateAll = invalidateAll;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        running.set(true);
        thread = new Thread(this::listen, "cache-invalidations");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running.set(false);
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            current.unsubscribe();
        }
        thread.interrupt();
        thread.join(2000);
    }

    private void listen() {
        boolean first = true;
        while (running.get()) {
            boolean resubscribing = !first;
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onSubscribe(String subscribed, int count) {
                    if (resubscribing) {
                        // Announcements sent while we were away are lost: forget everything instead.
                        invalidateAll.run();
                    }
                    LOG.info("listening for cache invalidations on {}", subscribed);
                }

                @Override
                public void onMessage(String from, String code) {
                    metrics.invalidationsReceived.inc();
                    invalidate.accept(code);
                }
            };
            subscription = pubSub;
            try {
                connection.client().subscribe(pubSub, channel);
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.debug("invalidation subscription lost: {}", e.toString());
                }
            }
            first = false;
            sleepBeforeRetry();
        }
    }

    private void sleepBeforeRetry() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
