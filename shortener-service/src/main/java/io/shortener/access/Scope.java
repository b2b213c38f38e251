package io.shortener.access;

import io.shortener.error.ApiException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. {@code admin} may do everything, to every account's links. */
public enum Scope {
    LINKS_WRITE("links:write"),
    LINKS_READ("links:read"),
    STATS_READ("stats:read"),
    ADMIN("admin");

    private final String text;

    Scope(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Scope of(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scope -> scope.text.equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("unknown scope '" + text + "': the scopes are " + list(EnumSet.allOf(Scope.class))));
    }

    /** {@code links:write,stats:read}, or {@code all} for every scope. */
    public static Set<Scope> parseList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Scope.class);
        }
        Set<Scope> scopes = Arrays.stream(text.split(",")).filter(part -> !part.isBlank()).map(Scope::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        if (scopes.isEmpty()) {
            throw ApiException.badRequest("a key needs at least one scope");
        }
        return scopes;
    }

    public static String list(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::text).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return text;
    }
}
