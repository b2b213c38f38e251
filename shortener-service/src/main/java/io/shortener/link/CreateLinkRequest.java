package io.shortener.link;

import java.util.List;

/**
 * The body of {@code POST /api/v1/links}. Kept as raw values so that each problem is reported by name
 * ("expiresAt must be in the future") rather than as a parse failure.
 */
public record CreateLinkRequest(String url, String alias, String expiresAt, Integer redirectType, String title, List<String> tags) {

    /** A request with only the fields every create had before titles and tags. */
    public CreateLinkRequest(String url, String alias, String expiresAt, Integer redirectType) {
        this(url, alias, expiresAt, redirectType, null, null);
    }
}
