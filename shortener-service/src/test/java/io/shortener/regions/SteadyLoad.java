package io.shortener.regions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady load on every region's service while a fault is made: each worker creates a link (generated
 * code) in its region, then redirects three links acknowledged so far in any region. Every answer that is
 * not the expected one (201 for a create, 302 to the stored URL for a redirect) is kept as a failure.
 */
final class SteadyLoad implements AutoCloseable {

    /** A link a region's service answered 201 for, and when (to place a lost one against a fault). */
    record Acknowledged(String code, String url, String region, Instant at) {
    }

    /** A request not answered as expected; {@code link} is the link a redirect asked for (null for a create). */
    record Failure(String askedIn, Acknowledged link, int status, String answer) {

        boolean isNotFound() {
            return link != null && status == 404;
        }

        @Override
        public String toString() {
            return link == null ? askedIn + " create: " + status + " " + answer
                    : askedIn + " redirect of " + link.code() + " (made in " + link.region() + "): " + status + " " + answer;
        }
    }

    private static final int WORKERS_PER_REGION = 2;

    private final Map<String, Http> regions;
    private final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService workers;
    private final List<Future<?>> running = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    private SteadyLoad(Map<String, Http> regions) {
        this.regions = regions;
        this.workers = Executors.newFixedThreadPool(regions.size() * WORKERS_PER_REGION);
    }

    /** Starts the load on the services of {@code regions}, by region name. */
    static SteadyLoad start(Map<String, Http> regions) {
        SteadyLoad load = new SteadyLoad(regions);
        for (String region : regions.keySet()) {
            for (int i = 0; i < WORKERS_PER_REGION; i++) {
                load.running.add(load.workers.submit(() -> load.work(region)));
            }
        }
        return load;
    }

    /** Requests answered as expected so far, creates and redirects together. */
    long answered() {
        return answered.get();
    }

    List<Acknowledged> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        for (Future<?> worker : running) {
            worker.get(60, TimeUnit.SECONDS);
        }
        workers.shutdown();
    }

    private void work(String region) {
        Http http = regions.get(region);
        List<String> names = List.copyOf(regions.keySet());
        int n = 0;
        while (!stop.get()) {
            String url = "https://example.com/" + region + "/" + Thread.currentThread().getId() + "/" + n++;
            try {
                HttpResponse<String> created = http.postJson("/api/v1/links", "{\"url\": \"" + url + "\"}");
                if (created.statusCode() != 201) {
                    failures.add(new Failure(region, null, created.statusCode(), created.body()));
                    continue;
                }
                Acknowledged mine = new Acknowledged(json.readTree(created.body()).get("code").asText(), url, region, Instant.now());
                acknowledged.add(mine);
                answered.incrementAndGet();
                for (int i = 0; i < 3; i++) {
                    Acknowledged link = i == 0 ? mine : acknowledged.get(ThreadLocalRandom.current().nextInt(acknowledged.size()));
                    String from = names.get(ThreadLocalRandom.current().nextInt(names.size()));
                    HttpResponse<String> redirect = regions.get(from).get("/" + link.code());
                    if (redirect.statusCode() != 302 || !link.url().equals(redirect.headers().firstValue("Location").orElse(null))) {
                        failures.add(new Failure(from, link, redirect.statusCode(), redirect.body()));
                    } else {
                        answered.incrementAndGet();
                    }
                }
            } catch (RuntimeException | IOException e) {
                failures.add(new Failure(region, null, -1, e.toString()));
            }
        }
    }
}
