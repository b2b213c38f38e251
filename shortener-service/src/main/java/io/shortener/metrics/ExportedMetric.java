package io.shortener.metrics;

import io.prometheus.client.dropwizard.samplebuilder.MapperConfig;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How one Dropwizard metric is exposed to Prometheus: {@code match} is a glob over its dotted name (each
 * {@code *} one part, available to the labels as {@code ${0}}, {@code ${1}}, …), {@code name} the full
 * Prometheus name. Counters and meters end in {@code _total}, timers in {@code _seconds}.
 */
public record ExportedMetric(String match, String name, Map<String, String> labels) {

    public ExportedMetric {
        // Sorted: the same label order in every run and on every instance.
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        if (!name.matches("shortener_[a-z0-9_]+")) {
            throw new IllegalArgumentException("a Prometheus name of ours starts with shortener_ and is snake case: " + name);
        }
    }

    public ExportedMetric(String match, String name) {
        this(match, name, Map.of());
    }

    boolean matches(String dropwizardName) {
        return pattern().matcher(dropwizardName).matches();
    }

    MapperConfig mapper() {
        return new MapperConfig(match, name, labels);
    }

    private Pattern pattern() {
        StringBuilder regex = new StringBuilder();
        for (String part : match.split("\\.", -1)) {
            regex.append(regex.isEmpty() ? "" : "\\.").append(part.equals("*") ? "[^.]*" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
