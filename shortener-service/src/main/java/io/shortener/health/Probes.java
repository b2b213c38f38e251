package io.shortener.health;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readiness and liveness from the registered health checks, and the drain flag: a draining instance is
 * alive but not ready. A check named here but not registered (clicks disabled, say) does not count.
 */
public final class Probes {

    /** One probe's answer: whether it passed, and each check's result. */
    public record Answer(boolean passed, boolean draining, Map<String, HealthCheck.Result> checks) {
    }

    private final HealthCheckRegistry registry;
    private final List<String> readiness;
    private final List<String> liveness;
    private final AtomicBoolean draining = new AtomicBoolean();

    public Probes(HealthCheckRegistry registry, ProbesConfiguration config) {
        this.registry = registry;
        this.readiness = config.getReadiness();
        this.liveness = config.getLiveness();
    }

    public Answer readiness() {
        Map<String, HealthCheck.Result> results = run(readiness);
        boolean drains = draining.get();
        return new Answer(!drains && allHealthy(results), drains, results);
    }

    public Answer liveness() {
        Map<String, HealthCheck.Result> results = run(liveness);
        return new Answer(allHealthy(results), draining.get(), results);
    }

    /** From now on the instance is not ready (it goes on answering). */
    public void startDraining() {
        draining.set(true);
    }

    public boolean isDraining() {
        return draining.get();
    }

    private Map<String, HealthCheck.Result> run(List<String> names) {
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        for (String name : names) {
            if (registry.getNames().contains(name)) {
                results.put(name, registry.runHealthCheck(name));
            }
        }
        return results;
    }

    private static boolean allHealthy(Map<String, HealthCheck.Result> results) {
        return results.values().stream().allMatch(HealthCheck.Result::isHealthy);
    }
}
