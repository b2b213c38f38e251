package io.shortener.metrics;

import java.util.List;
import java.util.Map;

/**
 * The Prometheus names of the service's Dropwizard metrics: the one list the dashboards, the alert rules
 * and {@code /metrics/prometheus} agree on (MonitoringIT holds the first two to it). A Dropwizard metric
 * not listed here stays in Dropwizard's JSON {@code /metrics} only.
 */
public final class ExportedMetrics {

    /** The Cassandra driver's session name, which prefixes its metrics in the registry. */
    public static final String DRIVER_SESSION = "shortener";

    public static final List<ExportedMetric> SERVICE = List.of(
            // The cache levels: L1 in the process, L2 the Redis Cluster; a negative hit is an absent code answered from the cache.
            new ExportedMetric("cache.*.hits", "shortener_cache_requests_total", Map.of("level", "${0}", "result", "hit")),
            new ExportedMetric("cache.*.negative-hits", "shortener_cache_requests_total", Map.of("level", "${0}", "result", "negative_hit")),
            new ExportedMetric("cache.*.misses", "shortener_cache_requests_total", Map.of("level", "${0}", "result", "miss")),
            new ExportedMetric("cache.l1.refreshes", "shortener_cache_refreshes_total", Map.of("level", "l1")),
            new ExportedMetric("cache.l2.errors", "shortener_cache_errors_total", Map.of("level", "l2")),
            new ExportedMetric("cache.l2.breaker-open", "shortener_cache_breaker_open", Map.of("level", "l2")),
            new ExportedMetric("cache.l1.size", "shortener_cache_entries", Map.of("level", "l1")),
            new ExportedMetric("cache.l1.bytes", "shortener_cache_bytes", Map.of("level", "l1")),
            new ExportedMetric("cache.l3.loads", "shortener_cache_cassandra_loads_seconds"),
            new ExportedMetric("cache.invalidations.received", "shortener_cache_invalidations_total", Map.of("source", "this_region")),
            new ExportedMetric("cache.invalidations.from-other-regions", "shortener_cache_invalidations_total",
                    Map.of("source", "other_regions")),
            // Clicks: sent to Kafka, sent again after a failure, dropped (journal full), waiting in the journal.
            new ExportedMetric("clicks.sent", "shortener_clicks_sent_total"),
            new ExportedMetric("clicks.resent", "shortener_clicks_resent_total"),
            new ExportedMetric("clicks.dropped", "shortener_clicks_dropped_total"),
            new ExportedMetric("clicks.enrichment-failures", "shortener_clicks_enrichment_failures_total"),
            new ExportedMetric("clicks.pending-bytes", "shortener_clicks_pending_bytes"),
            new ExportedMetric("clicks.kafka-up", "shortener_clicks_kafka_up"),
            new ExportedMetric("clicks.user-agents.cached-bytes", "shortener_clicks_user_agent_cache_bytes"),
            new ExportedMetric("redirects.answered-on-selector", "shortener_redirects_answered_on_selector_total"),
            // The rate limiter's 429s, by bucket.
            new ExportedMetric("limits.redirects.refused", "shortener_rate_limited_requests_total", Map.of("limit", "redirects")),
            new ExportedMetric("limits.unknown-codes.refused", "shortener_rate_limited_requests_total", Map.of("limit", "unknown_codes")),
            new ExportedMetric("limits.api.refused", "shortener_rate_limited_requests_total", Map.of("limit", "api")),
            new ExportedMetric("limits.api.local-fallbacks", "shortener_rate_limit_local_fallbacks_total"),
            new ExportedMetric("safety.checks.blocked", "shortener_link_checks_total", Map.of("result", "blocked")),
            new ExportedMetric("safety.checks.skipped", "shortener_link_checks_total", Map.of("result", "skipped")),
            new ExportedMetric("logging.dropped-events", "shortener_log_events_dropped_total"),
            new ExportedMetric("ids.lease.valid", "shortener_id_lease_valid"),
            new ExportedMetric("ids.lease.remaining-seconds", "shortener_id_lease_remaining_seconds"),
            // Jetty's request threads (Dropwizard's pool is named dw).
            new ExportedMetric("org.eclipse.jetty.util.thread.QueuedThreadPool.dw.utilization", "shortener_http_threads_utilization"),
            new ExportedMetric("org.eclipse.jetty.util.thread.QueuedThreadPool.dw.jobs", "shortener_http_queued_jobs"),
            // The Cassandra driver, session-wide and per node (a node is its address, dots as underscores).
            new ExportedMetric(DRIVER_SESSION + ".cql-requests", "shortener_cassandra_requests_seconds"),
            new ExportedMetric(DRIVER_SESSION + ".cql-client-timeouts", "shortener_cassandra_client_timeouts_total"),
            new ExportedMetric(DRIVER_SESSION + ".connected-nodes", "shortener_cassandra_connected_nodes"),
            new ExportedMetric(DRIVER_SESSION + ".nodes.*.errors.request.*", "shortener_cassandra_request_errors_total",
                    Map.of("node", "${0}", "error", "${1}")),
            new ExportedMetric(DRIVER_SESSION + ".nodes.*.errors.connection.init", "shortener_cassandra_connection_errors_total",
                    Map.of("node", "${0}")),
            new ExportedMetric(DRIVER_SESSION + ".nodes.*.retries.total", "shortener_cassandra_retries_total", Map.of("node", "${0}")));

    /** The driver's metrics the session enables: the ones {@link #SERVICE} exports. */
    public static final List<String> DRIVER_SESSION_METRICS = List.of("cql-requests", "cql-client-timeouts", "connected-nodes");
    public static final List<String> DRIVER_NODE_METRICS = List.of("errors.request.unavailables", "errors.request.read-timeouts",
            "errors.request.write-timeouts", "errors.request.others", "errors.request.aborted", "errors.connection.init", "retries.total");

    private ExportedMetrics() {
    }
}
