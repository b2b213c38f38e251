package io.shortener.safety;

import com.codahale.metrics.Meter;
import io.dropwizard.lifecycle.Managed;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link LinkCheck} on each new link, on one thread with a bounded queue: a slow or failing
 * check never delays a create, and a burst of creates beyond the queue goes unchecked (counted in
 * {@code safety.checks.skipped}) rather than taking memory without bound.
 */
public final class LinkChecks implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(LinkChecks.class);

    private final List<LinkCheck> checks;
    private final Blocklist blocklist;
    private final ThreadPoolExecutor executor;
    private final Meter skipped;
    private final Meter blocked;

    public LinkChecks(List<LinkCheck> checks, Blocklist blocklist, int queue, Meter skipped, Meter blocked) {
        this.checks = List.copyOf(checks);
        this.blocklist = blocklist;
        this.skipped = skipped;
        this.blocked = blocked;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "link-checks");
                    thread.setDaemon(true);
                    return thread;
                }, (runnable, pool) -> skipped.mark());
    }

    /** Every check the class path provides. */
    public static List<LinkCheck> discovered() {
        return ServiceLoader.load(LinkCheck.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    public List<String> names() {
        return checks.stream().map(LinkCheck::name).toList();
    }

    /** Queues the link for every check; returns at once. */
    public void created(String code, String url) {
        if (!checks.isEmpty()) {
            executor.execute(() -> check(code, url));
        }
    }

    private void check(String code, String url) {
        for (LinkCheck check : checks) {
            try {
                Optional<String> reason = check.reasonToBlock(code, url);
                if (reason.isPresent()) {
                    blocklist.blockLink(code, reason.get(), check.name());
                    blocked.mark();
                    LOG.info("link {} blocked by {}: {}", code, check.name(), reason.get());
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("link check {} failed on {}: {}", check.name(), code, e.toString());
            }
        }
    }

    @Override
    public void start() {
        if (!checks.isEmpty()) {
            LOG.info("link checks: {}", names());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
