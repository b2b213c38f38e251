package io.shortener.analytics;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * The job's own Prometheus metrics, from each micro-batch's progress: batches, events per batch, batch
 * duration, and the click lag: how old the newest counted event is (by the time the service sent it to
 * Kafka), so that "the stats lag behind the redirects" is a number. Served at {@code /metrics} on
 * {@code --metrics-address} by the JDK's own HTTP server.
 */
final class JobMetrics extends StreamingQueryListener {

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final Clock clock;
    private final Counter batches = Counter.build("shortener_analytics_batches_total", "Micro-batches completed.").create();
    private final Counter events = Counter.build("shortener_analytics_events_total", "Click events read from Kafka.").create();
    private final Histogram eventsPerBatch = Histogram.build("shortener_analytics_batch_events", "Click events read by a micro-batch.")
            .buckets(0, 10, 100, 1_000, 10_000, 100_000, 500_000).create();
    private final Histogram duration = Histogram.build("shortener_analytics_batch_duration_seconds",
            "Time a micro-batch took from its trigger to its commit.").buckets(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120).create();
    private final Gauge lastBatch = Gauge.build("shortener_analytics_last_batch_timestamp_seconds",
            "When the last micro-batch completed.").create();
    private final AtomicLong newestCountedMillis = new AtomicLong();

    JobMetrics(Clock clock) {
        this.clock = clock;
        registry.register(batches);
        registry.register(events);
        registry.register(eventsPerBatch);
        registry.register(duration);
        registry.register(lastBatch);
        registry.register(new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                long newest = newestCountedMillis.get();
                if (newest == 0) {
                    return List.of();
                }
                return List.of(
                        gauge("shortener_analytics_newest_counted_event_timestamp_seconds",
                                "When the newest event the job has counted was sent to Kafka.", newest / 1e3),
                        gauge("shortener_analytics_click_lag_seconds",
                                "Age of the newest event the job has counted: how far the stats are behind the clicks while clicks come.",
                                Math.max(0, clock.millis() - newest) / 1e3));
            }
        });
    }

    private static Collector.MetricFamilySamples gauge(String name, String help, double value) {
        return new Collector.MetricFamilySamples(name, Collector.Type.GAUGE, help,
                List.of(new Collector.MetricFamilySamples.Sample(name, List.of(), List.of(), value)));
    }

    /** Serves {@code /metrics} on {@code host:port} from a daemon thread of its own. */
    void serve(String address) {
        int colon = address.lastIndexOf(':');
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), 8);
            server.createContext("/metrics", exchange -> {
                byte[] body = text().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", TextFormat.CONTENT_TYPE_004);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            Thread thread = new Thread(server::start, "metrics-http");
            thread.setDaemon(true);
            thread.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the job's metrics on " + address, e);
        }
    }

    String text() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        batches.inc();
        events.inc(progress.numInputRows());
        eventsPerBatch.observe(progress.numInputRows());
        Long took = progress.durationMs().get("triggerExecution");
        if (took != null) {
            duration.observe(took / 1e3);
        }
        lastBatch.set(clock.millis() / 1e3);
        newestCounted(progress.eventTime());
    }

    /** The batch's newest event time (its watermark column, Kafka's timestamp), once the batch is committed. */
    private void newestCounted(Map<String, String> eventTime) {
        String max = eventTime == null ? null : eventTime.get("max");
        if (max == null) {
            return;
        }
        try {
            long millis = Instant.parse(max).toEpochMilli();
            newestCountedMillis.accumulateAndGet(millis, Math::max);
        } catch (DateTimeParseException e) {
            // Spark's own format; a change of it costs the lag figure, never the job.
        }
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }
}
