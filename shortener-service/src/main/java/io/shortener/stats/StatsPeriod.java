package io.shortener.stats;

import io.shortener.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The period a stats answer covers, from (inclusive) to (exclusive), both on whole minutes (clicks are
 * counted per minute), and the interval of its series.
 */
public record StatsPeriod(Instant from, Instant to, Interval interval) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(7);

    /**
     * From the query parameters: {@code from} and {@code to} as ISO-8601 instants or UTC dates, defaulting to
     * the seven days up to now (the current minute included); {@code interval} minute, hour or day, defaulting to hour. Anything else is a 400.
     */
    public static StatsPeriod parse(String from, String to, String interval, Clock clock, int maxBuckets) {
        // Without a `to`, up to and including the current minute.
        Instant end = to == null ? Interval.MINUTE.floor(clock.instant()).plus(Interval.MINUTE.length()) : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_LENGTH) : instant("from", from);
        Interval width;
        try {
            width = interval == null ? Interval.HOUR : Interval.parse(interval);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        start = Interval.MINUTE.floor(start);
        end = Interval.MINUTE.floor(end);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("from must be before to (to is exclusive; both are rounded down to the minute)");
        }
        long seconds = Duration.between(width.floor(start), end).toSeconds();
        long buckets = (seconds + width.length().toSeconds() - 1) / width.length().toSeconds();
        if (buckets > maxBuckets) {
            throw ApiException.badRequest("a series of " + buckets + " " + width.label() + "s is more than the " + maxBuckets
                    + " one answer may hold: shorten the period or use a longer interval");
        }
        return new StatsPeriod(start, end, width);
    }

    private static Instant instant(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant (2026-11-25T10:00:00Z) or a date"
                    + " (2026-11-25, midnight UTC), not '" + value + "'");
        }
    }
}
