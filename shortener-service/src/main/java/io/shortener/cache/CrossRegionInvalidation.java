package io.shortener.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.lifecycle.Managed;
import io.shortener.link.LinkChange;
import io.shortener.link.LinkChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings deletes, edits and alias claims made in other regions to this region's caches. Every instance reads
 * {@code link_changes} for the last {@code lookback} every {@code pollInterval}, and the last
 * {@code sweepWindow} every {@code sweepInterval} (changes a region cut off receives late, as hints),
 * and drops each new code from its own L1 and from the region's L2 (every instance of the region does
 * the same, so nothing needs announcing).
 *
 * <p>A delete's or an edit's change and its update of {@code links} are separate rows, which may reach this
 * region in either order: a code whose link this region's Cassandra still holds live (or at an older
 * version) is dropped again at every poll until the update has arrived, so that a reader who reloaded the
 * link meanwhile does not keep it.
 */
public final class CrossRegionInvalidation implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(CrossRegionInvalidation.class);

    private final LinkChanges changes;
    private final CachingLinkStore store;
    private final CrossRegionConfiguration config;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Cache<LinkChange, Boolean> seen;
    /** Changes whose update of {@code links} has not reached this region yet, and since when. */
    private final Map<LinkChange, Instant> awaiting = new ConcurrentHashMap<>();
    private final CacheMetrics metrics;

    public CrossRegionInvalidation(LinkChanges changes, CachingLinkStore store, CrossRegionConfiguration config,
                                   ScheduledExecutorService scheduler, Clock clock) {
        this.changes = changes;
        this.store = store;
        this.config = config;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = store.metrics();
        this.seen = Caffeine.newBuilder().expireAfterWrite(config.sweepWindow()).build();
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(() -> guarded(this::poll), 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded(this::sweep), config.sweepInterval().toMillis(),
                config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    /** The last {@code lookback} of changes, then the deletes and edits whose update had not arrived yet. */
    void poll() {
        Instant now = clock.instant();
        apply(now.minus(config.lookback()), now);
        awaiting.forEach((change, since) -> {
            store.dropChangedElsewhere(change.code());
            if (store.holds(change) || since.isBefore(now.minus(config.sweepWindow()))) {
                awaiting.remove(change);
            }
        });
    }

    void sweep() {
        Instant now = clock.instant();
        apply(now.minus(config.sweepWindow()), now);
    }

    private void apply(Instant from, Instant to) {
        for (LinkChange change : changes.between(from, to)) {
            if (seen.asMap().putIfAbsent(change, Boolean.TRUE) != null) {
                continue;
            }
            metrics.crossRegionInvalidations.inc();
            store.dropChangedElsewhere(change.code());
            if (!store.holds(change)) {
                awaiting.put(change, clock.instant());
            }
        }
    }

    /** A failed read (Cassandra slow or away) is tried again at the next tick; the tick must not die of it. */
    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("reading other regions' link changes failed; trying again: {}", e.toString());
        }
    }
}
