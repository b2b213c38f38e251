package io.shortener.ansible;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows a short link through each region's load balancer, over and over, while a rollout runs: every
 * answer other than a 302 to the expected target, and every connection that fails, is a failed redirect.
 * Paced (one request per URL every 20 ms) so that the probe does not take the two cores from the rollout.
 */
final class RedirectProbe implements AutoCloseable {

    private static final long PACE_NANOS = Duration.ofMillis(20).toNanos();

    private final List<String> urls;
    private final String expectedLocation;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong redirects = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads;

    RedirectProbe(List<String> urls, String expectedLocation) {
        this.urls = List.copyOf(urls);
        this.expectedLocation = expectedLocation;
        this.threads = this.urls.stream().map(url -> {
            Thread thread = new Thread(() -> probe(url), "probe " + url);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }).toList();
    }

    private void probe(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        while (running.get()) {
            long started = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                String location = response.headers().firstValue("Location").orElse("");
                if (response.statusCode() == 302 && location.equals(expectedLocation)) {
                    redirects.incrementAndGet();
                } else {
                    failures.add(url + " answered " + response.statusCode() + " " + location);
                }
            } catch (java.io.IOException e) {
                failures.add(url + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LockSupport.parkNanos(PACE_NANOS - (System.nanoTime() - started));
        }
    }

    long redirects() {
        return redirects.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
