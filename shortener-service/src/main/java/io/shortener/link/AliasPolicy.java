package io.shortener.link;

import io.shortener.error.ApiException;
import io.shortener.idgen.ShortCodes;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which custom aliases may be claimed: 3 to 64 of {@code A-Z a-z 0-9 _ -}, case-sensitive; not a word the
 * service's own routes use; and not of the form of a generated code (11 base62 characters below 2^63),
 * which a generator could issue one day and which could then never be told apart.
 */
public final class AliasPolicy {

    public static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{3,64}");

    /** Compared case-insensitively: "API" next to "api" would only confuse people. */
    private static final Set<String> RESERVED = Set.of(
            "api", "admin", "healthcheck", "health", "metrics", "ping", "tasks", "threads",
            "static", "assets", "public", "favicon.ico", "robots.txt", "sitemap.xml", ".well-known",
            "docs", "login", "logout", "status", "stats", "links");

    public void check(String alias) {
        if (!FORM.matcher(alias).matches()) {
            throw ApiException.badRequest("alias must be 3 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        if (RESERVED.contains(alias.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("alias '" + alias + "' is reserved");
        }
        if (ShortCodes.isGeneratedForm(alias)) {
            throw ApiException.badRequest("alias '" + alias + "' has the form of a generated code "
                    + "(11 letters and digits); choose a shorter or longer one, or add '-' or '_'");
        }
    }
}
