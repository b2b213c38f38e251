package io.shortener.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Click lag as a user sees it: from a redirect's answer to its click showing in the stats API. Probes
 * are links of their own, each redirected once while the load runs; each one's lag ends when its stats
 * show the click. A probe not seen within the limit counts as the limit (and is reported as missing).
 */
final class ClickLag {

    record Result(Histogram lagsMs, int probes, int missing) {
    }

    private final URI service;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String apiKey;

    ClickLag(URI service, String apiKey) {
        this.service = service;
        this.apiKey = apiKey;
    }

    /** Redirects one probe every {@code every} over {@code duration}, then waits up to {@code limit} for the last. */
    Result measure(List<String> probes, Duration every, Duration limit) throws Exception {
        Map<String, Long> sentAt = new HashMap<>();
        Histogram lags = new Histogram(3_600_000L, 3);
        List<String> pending = new ArrayList<>();
        long start = System.nanoTime();
        int next = 0;
        while (next < probes.size() || !pending.isEmpty()) {
            long now = System.nanoTime();
            if (next < probes.size() && now - start >= next * every.toNanos()) {
                String probe = probes.get(next++);
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(service.resolve("/" + probe))
                        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) bench-lag-probe").build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 != 3) {
                    throw new IllegalStateException("probe redirect answered " + answer.statusCode());
                }
                sentAt.put(probe, System.nanoTime());
                pending.add(probe);
            }
            // Oldest first, up to the first one not counted yet: the job counts clicks in the order they
            // came (a later probe is never counted a batch earlier, give or take Kafka's partitions, so
            // its lag can only come out high). Asking about every pending probe five times a second made
            // the stats API's own load (ClickHouse outranks the job's CPU share) part of the lag it measured.
            for (Iterator<String> oldest = pending.iterator(); oldest.hasNext(); ) {
                String probe = oldest.next();
                long waited = System.nanoTime() - sentAt.get(probe);
                if (counted(probe)) {
                    lags.recordValue(Math.max(1, waited / 1_000_000));
                    oldest.remove();
                } else if (waited > limit.toNanos()) {
                    oldest.remove();
                } else {
                    break;
                }
            }
            Thread.sleep(200);
        }
        int missing = probes.size() - (int) lags.getTotalCount();
        for (int i = 0; i < missing; i++) {
            lags.recordValue(limit.toMillis());
        }
        return new Result(lags, probes.size(), missing);
    }

    private boolean counted(String code) throws Exception {
        HttpResponse<String> stats = http.send(HttpRequest.newBuilder(service.resolve("/api/v1/links/" + code + "/stats"))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return stats.statusCode() == 200 && json.readTree(stats.body()).path("totals").path("clicks").asLong() >= 1;
    }
}
