package io.shortener.limit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;

/**
 * A token bucket's size and speed: it holds at most {@code capacity} tokens (the burst a client may
 * spend at once) and gains {@code refill} tokens every {@code period}, continuously. YAML:
 * {@code {capacity: 20, refill: 10, period: 1s}}.
 */
public record Bandwidth(long capacity, long refill, Duration period) {

    @JsonCreator
    public Bandwidth(@JsonProperty("capacity") long capacity, @JsonProperty("refill") long refill,
                     @JsonProperty("period") Duration period) {
        if (capacity < 1 || refill < 1) {
            throw new IllegalArgumentException("a bandwidth needs capacity >= 1 and refill >= 1, not " + capacity + " and " + refill);
        }
        if (period == null || period.toMicroseconds() < 1) {
            throw new IllegalArgumentException("a bandwidth needs a period (e.g. 1s), not " + period);
        }
        this.capacity = capacity;
        this.refill = refill;
        this.period = period;
    }

    public static Bandwidth perSecond(long capacity, long refill) {
        return new Bandwidth(capacity, refill, Duration.seconds(1));
    }

    public long periodMicros() {
        return period.toMicroseconds();
    }

    /** Tokens gained per microsecond. */
    double ratePerMicro() {
        return (double) refill / periodMicros();
    }

    /** Microseconds until a bucket holding {@code tokens} holds {@code wanted}; 0 if it already does. */
    long microsUntil(double tokens, double wanted) {
        return tokens >= wanted ? 0 : (long) Math.ceil((wanted - tokens) / ratePerMicro());
    }

    @Override
    public String toString() {
        return capacity + " (+" + refill + " per " + period + ")";
    }
}
