package io.shortener.limit;

import io.shortener.access.Scope;
import java.util.EnumSet;
import java.util.Set;

/** Which per-key bucket an API request draws on: the scope its route needs. */
final class ApiRoute {

    static final String API = "/api/";
    static final String LINKS = "/api/v1/links";

    private ApiRoute() {
    }

    /** The scope the request needs; null for a path outside the API. */
    static Scope scopeOf(String method, String path) {
        if (!path.startsWith(API)) {
            return null;
        }
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        if (!reads) {
            return Scope.LINKS_WRITE;
        }
        return path.startsWith(LINKS + "/") && path.endsWith("/stats") ? Scope.STATS_READ : Scope.LINKS_READ;
    }

    static boolean isCreate(String method, String path) {
        return "POST".equals(method) && LINKS.equals(path);
    }

    static Set<Scope> scopes() {
        return EnumSet.of(Scope.LINKS_WRITE, Scope.LINKS_READ, Scope.STATS_READ);
    }
}
