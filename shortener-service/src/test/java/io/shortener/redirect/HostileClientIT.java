package io.shortener.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that means harm, against the real service: what it sends is refused or bounded, and
 * redirects go on answering throughout.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("redirects")
class HostileClientIT {

    /** The User-Agent cache's bound here: a quarter of the default, so that going past it takes a quarter of the requests. */
    private static final long AGENT_CACHE_BYTES = 1L << 20;
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(TestApps.SHARED_KEYSPACE,
            "clicks.userAgentCacheBytes", Long.toString(AGENT_CACHE_BYTES));

    private static String code;

    @BeforeAll
    static void createALink() throws Exception {
        HttpResponse<String> created = new Http(APP.getLocalPort()).postJson("/api/v1/links", "{\"url\": \"https://example.com/steady\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        code = new ObjectMapper().readTree(created.body()).get("code").asText();
    }

    @Test
    void moreDistinctUserAgentsThanTheCacheHoldsLeaveItWithinItsBound() throws Exception {
        // Each is cut to the 512 characters that are classified and weighs 160 + 512: 1,900 of them come to
        // 1.28 MB, a fifth over the 1 MiB bound, so that a cache without its bound fails the last check.
        int agents = 1_900;
        String padding = "x".repeat(1500);
        long clicksBefore = counter("clicks.sent");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < agents; i++) {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI("/" + code))
                    .header("User-Agent", "Mozilla/5.0 (hostile " + i + ") " + padding).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(302);
        }

        // Every click goes through the classifier on its way to Kafka: wait until they all have.
        io.shortener.devstack.junit.Await.until(agents + " clicks sent", Duration.ofSeconds(120), () -> counter("clicks.sent") - clicksBefore >= agents);
        long cached = gauge("clicks.user-agents.cached-bytes");
        assertThat(cached).as("the cache filled up to near its bound (positive control)").isGreaterThan(AGENT_CACHE_BYTES * 3 / 4);
        assertThat(cached).as("and no more than its bound").isLessThanOrEqualTo(AGENT_CACHE_BYTES);
        assertThat(gauge("cache.l1.bytes")).isLessThanOrEqualTo(32L << 20);
    }

    @Test
    void anOversizedHeaderIsRefusedAndTheNextRequestIsAnswered() throws Exception {
        String answer = raw("GET /" + code + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(32 * 1024) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(redirectStatus()).isEqualTo(302);
    }

    @Test
    void slowBodiesAreCutOffWhileRedirectsGoOn() throws Exception {
        ExecutorService slowClients = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                slow.add(slowClients.submit(this::trickleABody));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(redirectStatus()).as("a redirect while 20 bodies trickle in").isEqualTo(302);
            }
            for (Future<String> answer : slow) {
                // 1 KiB/s at least: a body at 10 bytes a second is cut off in seconds, not held for the idle timeout.
                assertThat(answer.get(20, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408");
            }
        } finally {
            slowClients.shutdownNow();
        }
    }

    /** A create whose declared 2,000-byte body comes 10 bytes at a time; what the service answered (empty if it hung up). */
    private String trickleABody() throws IOException, InterruptedException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), APP.getLocalPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/links HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer " + TestApps.KEY
                    + "\r\nContent-Length: 2000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            try {
                while (System.nanoTime() < deadline && socket.getInputStream().available() == 0) {
                    out.write("          ".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // The pause is the behaviour under test (a client trickling its body), not a wait for the service.
                    Thread.sleep(1000);
                }
            } catch (IOException closed) {
                // The service hung up on us: what it said, if anything, is still to be read.
            }
            return read(socket.getInputStream());
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return read(socket.getInputStream());
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private int redirectStatus() {
        return new Http(APP.getLocalPort()).get("/" + code).statusCode();
    }

    private static java.net.URI URI(String path) {
        return java.net.URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
    }

    private static long counter(String name) {
        return APP.getEnvironment().metrics().counter(name).getCount();
    }

    @SuppressWarnings("unchecked")
    private static long gauge(String name) {
        return ((com.codahale.metrics.Gauge<Long>) APP.getEnvironment().metrics().getGauges().get(name)).getValue();
    }
}
