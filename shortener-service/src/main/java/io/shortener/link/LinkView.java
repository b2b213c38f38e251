package io.shortener.link;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A link as the API shows it; times are ISO-8601 UTC, {@code expiresAt} is null when it never expires,
 * {@code title} when it has none; {@code tags} is empty when it has none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LinkView(String code, String shortUrl, String url, String createdAt, String expiresAt, int redirectType,
                       String title, List<String> tags) {

    public static LinkView of(Link link, String publicBaseUrl) {
        return new LinkView(link.code(), publicBaseUrl + "/" + link.code(), link.url(),
                link.createdAt().toString(), link.expiresAt() == null ? null : link.expiresAt().toString(),
                link.redirectType().status(), link.title(), link.tags());
    }

    /** Where the API shows this link: the {@code Location} of its create. */
    public String location(String publicBaseUrl) {
        return publicBaseUrl + CreateLinkHandler.PATH + "/" + code;
    }
}
