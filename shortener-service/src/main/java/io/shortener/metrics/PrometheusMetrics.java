package io.shortener.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.prometheus.client.CollectorRegistry;
import io.shortener.logging.RequestLog;
import io.prometheus.client.hotspot.DefaultExports;

/**
 * The service's Prometheus registry: the listed Dropwizard metrics (the service's and the Cassandra
 * driver's, which share the registry), the health checks, the JVM's own (heap, GC, threads, CPU) and the
 * request histograms. One per application: no static default registry.
 */
public final class PrometheusMetrics {

    public static final String PATH = "/metrics/prometheus";

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final RequestMetricsHandler requests;

    public PrometheusMetrics(MetricRegistry metrics, HealthCheckRegistry checks, RequestLog requestLog) {
        new DropwizardBridge(metrics, ExportedMetrics.SERVICE).register(registry);
        new HealthCollector(checks).register(registry);
        DefaultExports.register(registry);
        requests = new RequestMetricsHandler(registry, requestLog);
    }

    public CollectorRegistry registry() {
        return registry;
    }

    /** The handler that times the application port's requests: outermost, so every door is timed. */
    public RequestMetricsHandler requestHandler() {
        return requests;
    }

    public PrometheusServlet servlet() {
        return new PrometheusServlet(registry);
    }
}
