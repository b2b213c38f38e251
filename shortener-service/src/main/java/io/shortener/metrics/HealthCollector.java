package io.shortener.metrics;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The health checks as gauges, run at each scrape as a load balancer runs them: {@code shortener_health_check_healthy}
 * (1 or 0) and {@code shortener_health_check_degraded} (1 where a healthy check says it is degraded, as the
 * machine ID lease does) per check.
 */
public final class HealthCollector extends Collector {

    private final HealthCheckRegistry checks;

    public HealthCollector(HealthCheckRegistry checks) {
        this.checks = checks;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> healthy = new ArrayList<>();
        List<MetricFamilySamples.Sample> degraded = new ArrayList<>();
        for (Map.Entry<String, HealthCheck.Result> check : checks.runHealthChecks().entrySet()) {
            List<String> value = List.of(check.getKey());
            HealthCheck.Result result = check.getValue();
            healthy.add(new MetricFamilySamples.Sample("shortener_health_check_healthy", List.of("check"), value, result.isHealthy() ? 1 : 0));
            Object flag = result.getDetails() == null ? null : result.getDetails().get("degraded");
            degraded.add(new MetricFamilySamples.Sample("shortener_health_check_degraded", List.of("check"), value,
                    Boolean.TRUE.equals(flag) ? 1 : 0));
        }
        return List.of(
                new MetricFamilySamples("shortener_health_check_healthy", Type.GAUGE, "1 while the health check passes.", healthy),
                new MetricFamilySamples("shortener_health_check_degraded", Type.GAUGE, "1 while a passing check reports itself degraded.",
                        degraded));
    }
}
