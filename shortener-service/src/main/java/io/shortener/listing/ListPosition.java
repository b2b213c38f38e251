package io.shortener.listing;

import io.shortener.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A place in an account's list, newest first: a link's creation time and Snowflake ID, which order every
 * link totally. The cursor of the API is one of these, opaque to the client: a page starts just after it.
 */
record ListPosition(Instant createdAt, long id) implements Comparable<ListPosition> {

    private static final String VERSION = "1";

    /** Before every link created at {@code at} (IDs are never negative). */
    static ListPosition before(Instant at) {
        return new ListPosition(at, Long.MIN_VALUE);
    }

    String cursor() {
        String text = VERSION + "." + createdAt.toEpochMilli() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static ListPosition ofCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.");
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            return new ListPosition(Instant.ofEpochMilli(Long.parseLong(parts[1])), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("cursor is not one this API gave: pass the nextCursor of the previous page as it is");
    }

    /** Newer first, as the list runs: the smaller position is the newer link. */
    @Override
    public int compareTo(ListPosition other) {
        int byTime = other.createdAt.compareTo(createdAt);
        return byTime != 0 ? byTime : Long.compare(other.id, id);
    }
}
