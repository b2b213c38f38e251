package io.shortener.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropwizardBridgeTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final DropwizardBridge bridge = new DropwizardBridge(registry, ExportedMetrics.SERVICE);

    @Test
    void dropwizardCountersAndMetersBecomeCountersUnderTheirListedNames() {
        registry.counter("cache.l1.hits").inc(3);
        registry.counter("cache.l2.misses").inc();
        registry.meter("limits.api.refused").mark(2);

        assertThat(family("shortener_cache_requests").type).isEqualTo(Collector.Type.COUNTER);
        assertThat(family("shortener_cache_requests").samples).extracting(sample -> sample.name, sample -> sample.labelNames,
                sample -> sample.labelValues, sample -> sample.value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("shortener_cache_requests_total", List.of("level", "result"), List.of("l1", "hit"), 3.0),
                org.assertj.core.groups.Tuple.tuple("shortener_cache_requests_total", List.of("level", "result"), List.of("l2", "miss"), 1.0));
        MetricFamilySamples limited = family("shortener_rate_limited_requests");
        assertThat(limited.type).isEqualTo(Collector.Type.COUNTER);
        assertThat(limited.samples).singleElement().satisfies(sample -> {
            assertThat(sample.name).isEqualTo("shortener_rate_limited_requests_total");
            assertThat(sample.labelValues).containsExactly("api");
            assertThat(sample.value).isEqualTo(2.0);
        });
    }

    @Test
    void gaugesKeepTheirNameAndTimersBecomeSummariesInSeconds() {
        registry.register("clicks.pending-bytes", (Gauge<Long>) () -> 192L);
        registry.timer("cache.l3.loads").update(java.time.Duration.ofMillis(20));

        assertThat(family("shortener_clicks_pending_bytes").type).isEqualTo(Collector.Type.GAUGE);
        assertThat(family("shortener_clicks_pending_bytes").samples.get(0).value).isEqualTo(192.0);
        MetricFamilySamples loads = family("shortener_cache_cassandra_loads_seconds");
        assertThat(loads.type).isEqualTo(Collector.Type.SUMMARY);
        assertThat(loads.samples).anySatisfy(sample -> {
            assertThat(sample.labelValues).containsExactly("0.5");
            assertThat(sample.value).isEqualTo(0.02);
        });
    }

    @Test
    void unlistedMetricsStayInDropwizardOnly() {
        registry.counter("something.internal").inc();
        registry.register("cache.l2.breaker", (Gauge<String>) () -> "CLOSED");

        assertThat(bridge.collect()).isEmpty();
    }

    @Test
    void theDriversNodeMetricsAreLabelledByNodeAndError() {
        registry.counter(ExportedMetrics.DRIVER_SESSION + ".nodes.127_0_0_1:19042.errors.request.unavailables").inc();

        assertThat(family("shortener_cassandra_request_errors").samples).singleElement()
                .satisfies(sample -> assertThat(Map.of(sample.labelNames.get(0), sample.labelValues.get(0), sample.labelNames.get(1),
                        sample.labelValues.get(1))).isEqualTo(Map.of("node", "127_0_0_1:19042", "error", "unavailables")));
    }

    private MetricFamilySamples family(String name) {
        return bridge.collect().stream().filter(family -> family.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no family " + name + " in " + bridge.collect()));
    }
}
