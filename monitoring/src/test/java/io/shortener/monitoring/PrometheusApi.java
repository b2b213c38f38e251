package io.shortener.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Prometheus' HTTP API, as the tests ask it: instant queries, targets and rules. */
final class PrometheusApi {

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PrometheusApi(String url) {
        this.url = url;
    }

    /** An instant query's answer: {"status": "success"|"error", "data": {"result": […]}, "error": …}. */
    JsonNode query(String expr) {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    /** The value of a query that gives one number, or NaN while it gives none. */
    double value(String expr) {
        JsonNode result = query(expr).path("data").path("result");
        return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    JsonNode activeTargets() {
        return get("/api/v1/targets?state=active").path("data").path("activeTargets");
    }

    JsonNode ruleGroups() {
        return get("/api/v1/rules?type=alert").path("data").path("groups");
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return MonitoringFiles.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
