package io.shortener.listing;

import io.shortener.error.ApiException;
import io.shortener.link.LinkLabels;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code GET /api/v1/links}'s parameters, checked: the tag to list (null for all), the text to search
 * for in code, title and URL host (null for none), the creation window [from, to), the page size, and the
 * cursor to start after (null for the newest).
 */
public record ListQuery(String tag, String search, Instant createdFrom, Instant createdTo, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    static final int MAX_SEARCH = 100;
    /** Later than any link: Cassandra's timestamps end in year 292278994, this well before. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    public static ListQuery of(String tag, String q, String createdFrom, String createdTo, String limit, String cursor) {
        String checkedTag = tag == null || tag.isEmpty() ? null : LinkLabels.tag(tag);
        String search = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        if (search != null && search.length() > MAX_SEARCH) {
            throw ApiException.badRequest("q must be at most " + MAX_SEARCH + " characters");
        }
        Instant from = time("createdFrom", createdFrom);
        Instant to = time("createdTo", createdTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("createdFrom must be before createdTo");
        }
        if (cursor != null) {
            ListPosition.ofCursor(cursor);
        }
        return new ListQuery(checkedTag, search, from, to, limit(limit), cursor == null || cursor.isEmpty() ? null : cursor);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** An ISO-8601 date-time with an offset, or a date (its start, in UTC). */
    private static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date (2026-12-01) or an ISO-8601 date-time with an offset (2026-12-01T08:00:00Z)");
        }
    }

    /** Where the page starts (exclusive): after the cursor, and before {@code createdTo}. */
    ListPosition upper() {
        ListPosition end = ListPosition.before(createdTo == null ? END_OF_TIME : createdTo);
        if (cursor == null) {
            return end;
        }
        ListPosition after = ListPosition.ofCursor(cursor);
        return after.compareTo(end) > 0 ? after : end;
    }

    /** Where the list ends (inclusive): the first link created at {@code createdFrom}. */
    ListPosition lower() {
        return ListPosition.before(createdFrom == null ? Instant.EPOCH : createdFrom);
    }
}
