package io.shortener.visits;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code interval}, raises the visit counters of the links with a maximum that were visited lately
 * to the exact human clicks the analytics counted for them: the visits another region let through (its
 * Redis is its own), and those this region let through while Redis was away. Counters are never lowered.
 */
public final class VisitReconciler implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(VisitReconciler.class);

    private final VisitLimits limits;
    private final Function<Collection<String>, Map<String, Long>> exactHumanClicks;
    private final ScheduledExecutorService executor;
    private final Duration interval;

    /** {@code exactHumanClicks}: every human click the analytics counted, all time, for each of these codes. */
    public VisitReconciler(VisitLimits limits, Function<Collection<String>, Map<String, Long>> exactHumanClicks,
                           ScheduledExecutorService executor, Duration interval) {
        this.limits = limits;
        this.exactHumanClicks = exactHumanClicks;
        this.executor = executor;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor.scheduleWithFixedDelay(this::reconcile, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round; public for the tests and the admin task. */
    public int reconcile() {
        Map<String, Long> visited = limits.drainVisited();
        if (visited.isEmpty()) {
            return 0;
        }
        try {
            Map<String, Long> exact = exactHumanClicks.apply(visited.keySet());
            exact.forEach(limits::raise);
            return exact.size();
        } catch (RuntimeException e) {
            // The analytics or Redis cannot say now: the next round asks again for the links visited by then.
            LOG.warn("visit counts of {} links not reconciled: {}", visited.size(), e.toString());
            return 0;
        }
    }
}
