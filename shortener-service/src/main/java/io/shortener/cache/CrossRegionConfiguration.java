package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * {@code cache.regions}: how an instance learns of deletes and claims made in other regions (it reads
 * {@code link_changes}; see CrossRegionInvalidation). Used only when the keyspace spans datacenters.
 */
public class CrossRegionConfiguration {

    /** How often the last {@code lookback} of changes is read: the bound, plus replication, while regions are connected. */
    @JsonProperty
    @NotNull
    private Duration pollInterval = Duration.milliseconds(500);

    /** Changes reaching this region up to this late still count on the fast path. */
    @JsonProperty
    @NotNull
    private Duration lookback = Duration.seconds(10);

    /** How often the last {@code sweepWindow} is read again, for changes a cut-off region receives late (hints). */
    @JsonProperty
    @NotNull
    private Duration sweepInterval = Duration.minutes(1);

    /** Cassandra's max_hint_window: a region cut off longer than this needs a repair anyway. */
    @JsonProperty
    @NotNull
    private Duration sweepWindow = Duration.hours(3);

    public java.time.Duration pollInterval() {
        return pollInterval.toJavaDuration();
    }

    public java.time.Duration lookback() {
        return lookback.toJavaDuration();
    }

    public java.time.Duration sweepInterval() {
        return sweepInterval.toJavaDuration();
    }

    public java.time.Duration sweepWindow() {
        return sweepWindow.toJavaDuration();
    }
}
