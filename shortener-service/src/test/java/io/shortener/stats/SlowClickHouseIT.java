package io.shortener.stats;

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
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A ClickHouse that takes connections and never answers (a socket of the test's own): the stats API
 * gives each request its own bounded time, refuses what its queue cannot hold at once, and redirects
 * answer throughout.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("clicks")
class SlowClickHouseIT {

    private static final ServerSocket SILENT = silentServer();
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(6);
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(TestApps.SHARED_KEYSPACE,
            "stats.clickHouseUrl", "jdbc:clickhouse://127.0.0.1:" + SILENT.getLocalPort() + "/shortener?compress=false",
            "stats.queryTimeout", "3s",
            "stats.threads", "1",
            "stats.queue", "1");

    @AfterAll
    static void close() throws IOException {
        CLIENTS.shutdownNow();
        SILENT.close();
        for (Socket socket : HELD) {
            socket.close();
        }
    }

    @Test
    void statsBeyondTheQueueAre503AtOnceAndTheRestWithinTheirTimeWhileRedirectsAnswer() throws Exception {
        Http http = new Http(APP.getLocalPort());
        HttpResponse<String> created = http.postJson("/api/v1/links", "{\"url\": \"https://example.com/counted\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = new ObjectMapper().readTree(created.body()).get("code").asText();
        String stats = "/api/v1/links/" + code + "/stats";

        CompletableFuture<Timed> first = timed(http, stats);
        io.shortener.devstack.junit.Await.until("the stats thread to be held by ClickHouse", java.time.Duration.ofSeconds(10), () -> !HELD.isEmpty());
        List<CompletableFuture<Timed>> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            more.add(timed(http, stats));
        }
        assertThat(http.get("/" + code).statusCode()).as("a redirect meanwhile").isEqualTo(302);

        List<Timed> answers = new ArrayList<>();
        for (CompletableFuture<Timed> answer : more) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        // One of the five may wait in the queue of one; the others are refused without waiting.
        List<Timed> refused = answers.stream().filter(answer -> answer.response().body().contains("too many click statistics requests")).toList();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(4);
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.response().statusCode()).isEqualTo(503);
            assertThat(answer.millis()).as("refused at once").isLessThan(2_000);
        });
        Timed held = first.get(30, TimeUnit.SECONDS);
        assertThat(held.response().statusCode()).as(held.response().body()).isEqualTo(503);
        assertThat(held.millis()).as("within the query timeout and a second, and some slack").isLessThan(10_000);
        answers.forEach(answer -> assertThat(answer.response().statusCode()).isEqualTo(503));
    }

    private record Timed(HttpResponse<String> response, long millis) {
    }

    /** Each on a thread of its own: the common pool may have one thread on two cores. */
    private static CompletableFuture<Timed> timed(Http http, String path) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            HttpResponse<String> response = http.get(path);
            return new Timed(response, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }, CLIENTS);
    }

    private static ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        HELD.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-clickhouse");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
