package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.Http;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.Ports;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.ServiceProcess;
import io.shortener.devstack.ServiceSettings;
import io.shortener.devstack.ServiceTargets;
import io.shortener.devstack.StackDefinition;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged service stopped under load. Killed with SIGKILL and started again: every redirect a client
 * received an answer to is a click on Kafka (the write-ahead journal outlives the process), and no click
 * is invented (never more than the redirects asked for). Stopped with SIGTERM behind a load balancer that
 * follows its readiness: no request fails, and every click is on Kafka before the process is gone.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, RealClickHouse.class})
@Tag("clicks")
class ServiceCrashIT {

    private final ProjectHome home = ProjectHome.locate();
    private final ServiceProcess service = new ServiceProcess(home, home.stackDir("test-crash"),
            new ServiceSettings("127.0.0.1", Ports.free(), Ports.free()));
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void tearDown() {
        service.stop();
    }

    @Test
    void aServiceKilledUnderLoadLosesNoClickItAnswered() throws Exception {
        service.wipe();
        LocalProcess first = start();
        String code = link("https://example.com/crash");

        AtomicLong asked = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            loops.add(clients.submit(() -> redirectUntilStopped(code, asked, answered, stop)));
        }
        // Kill while redirects are in full flow: the last ones answered cannot have reached Kafka yet.
        first.awaitReady("3,000 redirects answered", Duration.ofSeconds(120), () -> answered.get() >= 3_000);
        first.kill();
        stop.set(true);
        for (Future<?> loop : loops) {
            loop.get();
        }
        clients.shutdown();

        start();
        List<JsonNode> events = new KafkaTopicReader(RealKafka.SETTINGS.bootstrapServers())
                .readAll("clicks", code, (int) answered.get(), Duration.ofSeconds(90));
        long distinct = events.stream().map(event -> event.get("eventId").asLong()).distinct().count();
        assertThat(answered.get()).as("the load ran").isGreaterThanOrEqualTo(3_000);
        assertThat(distinct).as("clicks on Kafka, each once, against %d redirects answered and %d asked", answered.get(), asked.get())
                .isBetween(answered.get(), asked.get());
    }

    @Test
    void aServiceStoppedWithSigtermUnderLoadDrainsLosingNoRequestAndNoClick() throws Exception {
        service.wipe();
        LocalProcess running = start();
        String code = link("https://example.com/drain");

        // The load balancer: asks /ready every 100 ms, and sends a request only while the answer is 200.
        AtomicBoolean ready = new AtomicBoolean(true);
        AtomicLong asked = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong answeredWhileDraining = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(9);
        Future<?> balancer = clients.submit(() -> followReadiness(code, ready, answeredWhileDraining, stop));
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            loops.add(clients.submit(() -> redirectWhileReady(code, ready, asked, answered, stop)));
        }
        running.awaitReady("3,000 redirects answered", Duration.ofSeconds(120), () -> answered.get() >= 3_000);
        // SIGTERM, and wait until the process is gone: drain, in-flight requests, the click sender's last sends.
        assertThat(service.stop()).isTrue();
        stop.set(true);
        long failed = 0;
        for (Future<?> loop : loops) {
            failed += (Long) loop.get();
        }
        balancer.get();
        clients.shutdown();

        assertThat(ready.get()).as("readiness turned false before the process went").isFalse();
        assertThat(answeredWhileDraining.get()).as("redirects answered while not ready (the drain period)").isPositive();
        assertThat(failed).as("requests that failed, of %d asked", asked.get()).isZero();
        assertThat(answered.get()).isEqualTo(asked.get()).isGreaterThanOrEqualTo(3_000);
        // Not started again: the clicks reached Kafka before the process exited, the balancer's own redirects' too.
        long redirects = answered.get() + answeredWhileDraining.get();
        List<JsonNode> events = new KafkaTopicReader(RealKafka.SETTINGS.bootstrapServers())
                .readAll("clicks", code, (int) redirects, Duration.ofSeconds(30));
        assertThat(events.stream().map(event -> event.get("eventId").asLong()).distinct().count()).isEqualTo(redirects);
    }

    /** Follows the instance's readiness; once it is not ready, checks that it still answers (the drain). */
    private Void followReadiness(String code, AtomicBoolean ready, AtomicLong answeredWhileDraining, AtomicBoolean stop)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.settings().adminPort() + "/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        HttpRequest redirect = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.settings().httpPort() + "/" + code))
                .timeout(Duration.ofSeconds(2)).build();
        while (!stop.get()) {
            try {
                ready.set(client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                if (!ready.get() && client.send(redirect, HttpResponse.BodyHandlers.discarding()).statusCode() == 302) {
                    answeredWhileDraining.incrementAndGet();
                }
            } catch (IOException e) {
                ready.set(false);
            }
            // The balancer's check interval (HAProxy's is a second here): a pace, not a wait for anything.
            Thread.sleep(100);
        }
        return null;
    }

    /** Redirects while the balancer says the instance is ready; the number of requests that failed. */
    private long redirectWhileReady(String code, AtomicBoolean ready, AtomicLong asked, AtomicLong answered, AtomicBoolean stop)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.settings().httpPort() + "/" + code))
                .header("User-Agent", UserAgentClassifierTest.CHROME_WINDOWS).timeout(Duration.ofSeconds(5)).build();
        long failed = 0;
        while (!stop.get()) {
            if (!ready.get()) {
                // Taken out of the pool: a client idles until the test stops it, without spinning on two cores.
                Thread.sleep(20);
                continue;
            }
            asked.incrementAndGet();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 302) {
                    answered.incrementAndGet();
                } else {
                    failed++;
                }
            } catch (IOException e) {
                failed++;
            }
        }
        return failed;
    }

    private String link(String url) throws IOException, InterruptedException {
        Http http = new Http(service.settings().httpPort(), service.apiKey());
        return json.readTree(http.postJson("/api/v1/links", "{\"url\": \"" + url + "\"}").body()).get("code").asText();
    }

    private LocalProcess start() {
        return service.start(ServiceTargets.of(StackDefinition.test(), StackDefinition.test().region()));
    }

    private Void redirectUntilStopped(String code, AtomicLong asked, AtomicLong answered, AtomicBoolean stop) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.settings().httpPort() + "/" + code))
                .header("User-Agent", UserAgentClassifierTest.CHROME_WINDOWS).timeout(Duration.ofSeconds(5)).build();
        while (!stop.get()) {
            asked.incrementAndGet();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 302) {
                    answered.incrementAndGet();
                }
            } catch (IOException e) {
                // The service is gone: this redirect was never answered.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
