package io.shortener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client that never follows redirects, so tests see exactly what the service answers. It
 * sends an API key with every request ({@link TestApps#KEY}, which the test services store as their initial
 * key, unless given another, or none).
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String base;
    private final String key;

    public Http(int port) {
        this(port, TestApps.KEY);
    }

    /** With {@code key} as {@code Authorization: Bearer}; none when null. */
    public Http(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    /** The same service, without a key. */
    public Http anonymous() {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), null);
    }

    /** The same service, with another key. */
    public Http withKey(String otherKey) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
    }

    /** A GET with headers given as name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        return send((headers.length == 0 ? request : request.headers(headers)).build());
    }

    public HttpResponse<String> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** Creates a link with this create body, which must answer 201, and returns the link as the API shows it. */
    public JsonNode createLink(String body) {
        HttpResponse<String> created = postJson("/api/v1/links", body);
        if (created.statusCode() != 201) {
            throw new AssertionError("create answered " + created.statusCode() + ", not 201: " + created.body());
        }
        try {
            return JSON.readTree(created.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a link with this create body, which must answer 201, and returns its code. */
    public String createCode(String body) {
        return createLink(body).get("code").asText();
    }

    /** A PATCH with a JSON merge patch (RFC 7396). */
    public HttpResponse<String> patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // A pooled keep-alive connection the server had closed after an earlier answer (one that
                // refused a body): the request never reached it. Once more, on a new connection; a
                // server that drops requests fails here too.
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }
}
