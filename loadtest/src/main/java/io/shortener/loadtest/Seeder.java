package io.shortener.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Creates the links a run redirects to, through the public API, and returns their codes. */
final class Seeder {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final String apiKey;

    Seeder(URI target, String apiKey) {
        this.target = target;
        this.apiKey = apiKey;
    }

    List<String> seed(int links, String runId) throws InterruptedException {
        return seed(links, i -> "{\"url\": \"https://example.com/seed/" + runId + "/" + i + "\"}");
    }

    /** {@code links} links, the body of the i-th given by {@code body}. */
    List<String> seed(int links, java.util.function.IntFunction<String> body) throws InterruptedException {
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < links; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(target.resolve("/api/v1/links"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i)))
                    .build();
            pending.add(sendWithRetries(request, 3)
                    .thenAccept(response -> {
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("seeding failed: " + response.statusCode() + " " + response.body());
                        }
                        try {
                            codes.add(json.readTree(response.body()).get("code").asText());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .whenComplete((ignored, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return new ArrayList<>(codes);
    }

    /** A pooled connection the server has just closed fails a POST at once; the client only retries GETs itself. */
    private CompletableFuture<HttpResponse<String>> sendWithRetries(HttpRequest request, int attempts) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> error == null ? CompletableFuture.completedFuture(response)
                        : attempts > 1 ? sendWithRetries(request, attempts - 1) : CompletableFuture.<HttpResponse<String>>failedFuture(error))
                .thenCompose(future -> future);
    }
}
