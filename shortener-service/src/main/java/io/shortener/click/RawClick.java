package io.shortener.click;

/**
 * What a redirect hands over, as cheaply as it can: the request's raw facts. Everything derived
 * (browser, bot flag, visitor id) is worked out later, off the redirect thread. The client address stays
 * inside the service: only its anonymised, hashed form ever leaves.
 */
public record RawClick(String code, long timestampMillis, boolean head, String clientAddress, String userAgent,
                       String referer, String country) {
}
