package io.shortener.limit;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A bucket's state as a client sees it, in the IETF RateLimit header fields: {@code RateLimit-Limit}
 * (the burst), {@code RateLimit-Remaining}, {@code RateLimit-Reset} (seconds until the bucket is full),
 * and on a refusal {@code Retry-After} (seconds until one request would pass).
 */
public record RateLimit(boolean admitted, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    static RateLimit of(Bandwidth bandwidth, Take take) {
        return new RateLimit(take.gotAny(), bandwidth.capacity(), take.remaining(), seconds(take.fullMillis()),
                Math.max(1, seconds(take.nextTokenMillis())));
    }

    static RateLimit refused(Bandwidth bandwidth, long retryAfterMillis) {
        long retry = Math.max(1, seconds(retryAfterMillis));
        return new RateLimit(false, bandwidth.capacity(), 0, Math.max(retry, seconds(bandwidth.microsUntil(0, bandwidth.capacity()) / 1000)), retry);
    }

    public void addTo(HttpFields.Mutable headers) {
        headers.put(LIMIT, limit);
        headers.put(REMAINING, remaining);
        headers.put(RESET, resetSeconds);
        if (!admitted) {
            headers.put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
        }
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
