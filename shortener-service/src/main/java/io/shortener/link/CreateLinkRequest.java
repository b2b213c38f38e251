package io.shortener.link;

/**
 * The body of {@code POST /api/v1/links}. Kept as raw values so that each problem is reported by name
 * ("expiresAt must be in the future") rather than as a parse failure.
 */
public record CreateLinkRequest(String url, String alias, String expiresAt, Integer redirectType) {
}
