package io.shortener.click;

/**
 * What a redirect hands over, as cheaply as it can: the request's raw facts. Everything derived
 * (browser, bot flag, visitor id) is worked out later, off the redirect thread. The client address stays
 * inside the service: only its anonymised, hashed form ever leaves. {@code rule} and {@code variant}: which
 * redirect rule and which of its split's targets served it (numbered from 1; 0 for the link's own URL, or a
 * rule without a split).
 */
public record RawClick(String code, long timestampMillis, boolean head, String clientAddress, String userAgent,
                       String referer, String country, int rule, int variant) {

    /** A click served by the link's own URL. */
    public RawClick(String code, long timestampMillis, boolean head, String clientAddress, String userAgent, String referer,
                    String country) {
        this(code, timestampMillis, head, clientAddress, userAgent, referer, country, 0, 0);
    }

    /** The same click from another address (its anonymised form). */
    public RawClick withClientAddress(String address) {
        return new RawClick(code, timestampMillis, head, address, userAgent, referer, country, rule, variant);
    }
}
