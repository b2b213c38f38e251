package io.shortener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.devstack.junit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for clicks to come through Kafka and Spark into the stats API. */
public final class StatsPolling {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatsPolling() {
    }

    /**
     * Polls {@code /api/v1/links/{code}/stats} (today, by minute) until it counts at least {@code clicks}
     * clicks, and returns that answer: the caller asserts on exact numbers. Fails with the last answer when the time is up.
     */
    public static JsonNode awaitClicks(Http http, String code, long clicks, Duration timeout) {
        return Await.until("the stats of " + code + " count " + clicks + " clicks", timeout, () -> stats(http, code),
                stats -> stats.path("totals").path("clicks").asLong(-1) >= clicks);
    }

    /** The last hour and the next one, so clicks of this minute are in. */
    public static JsonNode stats(Http http, String code) {
        long now = System.currentTimeMillis() / 1000;
        String from = java.time.Instant.ofEpochSecond(now - 3600).toString();
        String to = java.time.Instant.ofEpochSecond(now + 3600).toString();
        HttpResponse<String> response = http.get("/api/v1/links/" + code + "/stats?interval=minute&from=" + from + "&to=" + to);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.statusCode() + " " + response.body(), e);
        }
    }
}
