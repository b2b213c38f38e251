package io.shortener.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {

    @ParameterizedTest
    @CsvSource({
            "GET, /3YtsCaGLJjc, redirect",
            "HEAD, /my-alias, redirect",
            "POST, /my-alias, other",
            "GET, /favicon.ico, other",
            "GET, /, page",
            "GET, /ui/app.js, page",
            "POST, /api/v1/links, create",
            "GET, /api/v1/links, api",
            "GET, /api/v1/links/abc/stats, stats",
            "GET, /api/v1/links/abc, api",
            "DELETE, /api/v1/links/abc, api",
            "PUT, /api/v1/blocklist/domains/x.example, api"})
    void namesWhatARequestWasFor(String method, String path, String route) {
        assertThat(Route.of(method, path).label()).isEqualTo(route);
    }
}
