package io.shortener.link;

import io.shortener.rules.RedirectRules;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A short link as stored: its code, the Snowflake ID it was created with, where it points and until when,
 * the account that owns it, and what its owner calls it. {@code expiresAt} is null for links that never
 * expire, {@code owner} for links created anonymously (or before links had owners), {@code title} when it
 * has none. {@code tags} are sorted and distinct, empty when it has none. {@code rules} may send a visit
 * elsewhere than {@code url} ({@link RedirectRules#NONE} when it has none). {@code maxVisits}: the human
 * visits after which it answers 410; null without a limit. {@code passwordHash}: the Argon2id hash of the
 * password a visitor must give (password/PasswordHashes); null for an open link.
 */
public record Link(String code, long id, String url, Instant createdAt, Instant expiresAt,
                   RedirectType redirectType, boolean customAlias, String owner, String title, List<String> tags,
                   RedirectRules rules, Long maxVisits, String passwordHash) {

    public Link {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(redirectType, "redirectType");
        tags = sortedTags(tags);
        rules = rules == null ? RedirectRules.NONE : rules;
    }

    /**
     * The {@code passwordHash} of a protected link as a list reads it: lists say that a link has a password,
     * never its hash, and nothing checks a password against a link read from a list.
     */
    public static final String PASSWORD_IN_ITS_OWN_ROW = "(in the link's own row)";

    /** A link without redirect rules. */
    public Link(String code, long id, String url, Instant createdAt, Instant expiresAt,
                RedirectType redirectType, boolean customAlias, String owner, String title, List<String> tags) {
        this(code, id, url, createdAt, expiresAt, redirectType, customAlias, owner, title, tags, RedirectRules.NONE, null, null);
    }

    /** A link without a title or tags. */
    public Link(String code, long id, String url, Instant createdAt, Instant expiresAt,
                RedirectType redirectType, boolean customAlias, String owner) {
        this(code, id, url, createdAt, expiresAt, redirectType, customAlias, owner, null, List.of());
    }

    private static List<String> sortedTags(Collection<String> tags) {
        return tags == null ? List.of() : tags.stream().distinct().sorted().toList();
    }

    /** Leaves the hash out: a link's printed form (a log line, a test failure) must not carry it. */
    @Override
    public String toString() {
        return "Link[code=" + code + ", id=" + id + ", url=" + url + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt
                + ", redirectType=" + redirectType + ", customAlias=" + customAlias + ", owner=" + owner + ", title=" + title
                + ", tags=" + tags + ", rules=" + rules + ", maxVisits=" + maxVisits + ", protected=" + (passwordHash != null) + "]";
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
