package io.shortener.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The width of one point of a stats series, and how ClickHouse rounds a minute down to it. */
public enum Interval {
    MINUTE(ChronoUnit.MINUTES, "minute"),
    HOUR(ChronoUnit.HOURS, "toStartOfHour(minute)"),
    DAY(ChronoUnit.DAYS, "toStartOfDay(minute)");

    private final ChronoUnit unit;
    private final String bucketSql;

    Interval(ChronoUnit unit, String bucketSql) {
        this.unit = unit;
        this.bucketSql = bucketSql;
    }

    public static Interval parse(String value) {
        for (Interval interval : values()) {
            if (interval.label().equals(value)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("interval must be one of "
                + Arrays.stream(values()).map(Interval::label).collect(Collectors.joining(", ")) + ", not '" + value + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Days start at midnight UTC. */
    public Instant floor(Instant instant) {
        return instant.truncatedTo(unit);
    }

    public Duration length() {
        return unit.getDuration();
    }

    String bucketSql() {
        return bucketSql;
    }
}
