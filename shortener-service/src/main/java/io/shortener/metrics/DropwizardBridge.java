package io.shortener.metrics;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.client.Collector;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.dropwizard.samplebuilder.CustomMappingSampleBuilder;
import io.prometheus.client.dropwizard.samplebuilder.SampleBuilder;
import java.util.List;

/**
 * The Prometheus client's Dropwizard bridge, limited to the {@link ExportedMetric}s and named by them.
 * The bridge exposes a Dropwizard counter as a gauge and appends {@code _total} to a meter's name; here
 * both come out as Prometheus counters named as listed.
 */
public final class DropwizardBridge extends Collector {

    private final DropwizardExports exports;

    public DropwizardBridge(MetricRegistry registry, List<ExportedMetric> exported) {
        SampleBuilder mapped = new CustomMappingSampleBuilder(exported.stream().map(ExportedMetric::mapper).toList());
        SampleBuilder named = (dropwizardName, suffix, labelNames, labelValues, value) -> mapped.createSample(dropwizardName,
                "_total".equals(suffix) && isCounterName(exported, dropwizardName) ? "" : suffix, labelNames, labelValues, value);
        this.exports = new DropwizardExports(registry, (name, metric) -> exported.stream().anyMatch(e -> e.matches(name)), named);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return exports.collect().stream().map(DropwizardBridge::typed).toList();
    }

    /** A counter's family, whichever way the bridge typed it: the family's name is then without _total. */
    private static MetricFamilySamples typed(MetricFamilySamples family) {
        if (family.name.endsWith("_total") && family.type != Type.COUNTER) {
            return new MetricFamilySamples(family.name, Type.COUNTER, family.help, family.samples);
        }
        return family;
    }

    private static boolean isCounterName(List<ExportedMetric> exported, String dropwizardName) {
        return exported.stream().filter(e -> e.matches(dropwizardName)).anyMatch(e -> e.name().endsWith("_total"));
    }
}
