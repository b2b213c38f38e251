package io.shortener.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/links}. Kept as raw values so that each problem is reported by name
 * ("expiresAt must be in the future") rather than as a parse failure.
 */
// toString is the record's own: the password is in it, and nothing prints a request.
public record CreateLinkRequest(String url, String alias, String expiresAt, Integer redirectType, String title, List<String> tags,
                                Map<String, String> utm, JsonNode rules, JsonNode maxVisits, String password) {

    /** A request with only the fields every create had before titles, tags and UTM parameters. */
    public CreateLinkRequest(String url, String alias, String expiresAt, Integer redirectType) {
        this(url, alias, expiresAt, redirectType, null, null, null, null, null, null);
    }

    /** A request without redirect rules. */
    public CreateLinkRequest(String url, String alias, String expiresAt, Integer redirectType, String title, List<String> tags,
                             Map<String, String> utm) {
        this(url, alias, expiresAt, redirectType, title, tags, utm, null, null, null);
    }
}
