package io.shortener.health;

import io.dropwizard.util.Duration;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first thing a stopping server does (SIGTERM runs Dropwizard's shutdown hook, which stops Jetty):
 * readiness turns false, and the server keeps its connectors open and answers for the drain period, so
 * that load balancers stop sending before anything is refused. Then Jetty stops its connectors, lets the
 * requests in flight finish (server.shutdownGracePeriod), and the managed objects stop: the click sender
 * last sends what its journal holds.
 */
public final class DrainOnStop implements LifeCycle.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DrainOnStop.class);

    private final Probes probes;
    private final Duration period;

    public DrainOnStop(Probes probes, Duration period) {
        this.probes = probes;
        this.period = period;
    }

    @Override
    public void lifeCycleStopping(LifeCycle server) {
        probes.startDraining();
        LOG.info("stopping: not ready from now on, still answering for {}", period);
        try {
            Thread.sleep(period.toMilliseconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("drained: closing the connectors");
    }
}
