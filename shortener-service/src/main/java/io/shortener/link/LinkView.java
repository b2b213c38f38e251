package io.shortener.link;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A link as the API shows it; times are ISO-8601 UTC, {@code expiresAt} is null when it never expires,
 * {@code title} when it has none; {@code tags} and {@code rules} are empty when it has none; {@code maxVisits}
 * is null without a limit; a password is never shown, only whether the link has one.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LinkView(String code, String shortUrl, String url, String createdAt, String expiresAt, int redirectType,
                       String title, List<String> tags, JsonNode rules, Long maxVisits, boolean passwordProtected) {

    public static LinkView of(Link link, String publicBaseUrl) {
        return new LinkView(link.code(), publicBaseUrl + "/" + link.code(), link.url(),
                link.createdAt().toString(), link.expiresAt() == null ? null : link.expiresAt().toString(),
                link.redirectType().status(), link.title(), link.tags(),
                link.rules().isEmpty() ? JsonNodeFactory.instance.arrayNode() : link.rules().definition(), link.maxVisits(),
                link.passwordHash() != null);
    }

    /** The link as a list shows it: lists hold every field but the rules ({@code rules} null: read the link for them). */
    public static LinkView listed(Link link, String publicBaseUrl) {
        LinkView view = of(link, publicBaseUrl);
        return new LinkView(view.code, view.shortUrl, view.url, view.createdAt, view.expiresAt, view.redirectType, view.title,
                view.tags, null, view.maxVisits, view.passwordProtected);
    }

    /** Where the API shows this link: the {@code Location} of its create. */
    public String location(String publicBaseUrl) {
        return publicBaseUrl + CreateLinkHandler.PATH + "/" + code;
    }
}
