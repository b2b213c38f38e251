package io.shortener.metrics;

import io.shortener.link.AliasPolicy;

/** What a request was for, as the {@code route} label of the request metrics says it: a few values, never a path. */
public enum Route {
    REDIRECT, CREATE, STATS, API, PAGE, OTHER;

    private static final String API_PREFIX = "/api/";
    private static final String PAGE_PREFIX = "/ui";
    private static final String LINKS = "/api/v1/links";

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() {
        return label;
    }

    public static Route of(String method, String path) {
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        if (reads && AliasPolicy.isCodeForm(path, 1) && path.charAt(0) == '/') {
            return REDIRECT;
        }
        if (!path.startsWith(API_PREFIX)) {
            return path.equals("/") || path.startsWith(PAGE_PREFIX) ? PAGE : OTHER;
        }
        if ("POST".equals(method) && LINKS.equals(path)) {
            return CREATE;
        }
        return reads && path.startsWith(LINKS + "/") && path.endsWith("/stats") ? STATS : API;
    }
}
