package io.shortener.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The load generator against a server whose every answer the test decides. */
class LoadEngineTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theOpenModelSendsAtTheOfferedRate() throws Exception {
        try (TinyHttpServer server = new TinyHttpServer(n -> new TinyHttpServer.Respond(302))) {
            Results results = engine(server, 8).runOpen(500, Duration.ofMillis(500), Duration.ofSeconds(2));

            assertThat(results.completed).isCloseTo(1000, within(20L));
            assertThat(results.achievedRate()).isCloseTo(500, within(5.0));
            assertThat(results.errors()).isZero();
            assertThat(results.hostStealMillis).as("the CPU the host took while it measured, from /proc/stat").isNotNegative();
        }
    }

    @Test
    void theOpenModelChargesAStallToEveryRequestItDelayed() throws Exception {
        // One connection at 100/s; request 100 stalls for a second, so the ~100 due behind it wait too.
        try (TinyHttpServer server = new TinyHttpServer(n -> n == 100 ? new TinyHttpServer.Stall(1000, 302) : new TinyHttpServer.Respond(302))) {
            Results results = engine(server, 1).runOpen(100, Duration.ZERO, Duration.ofMillis(2500));

            assertThat(results.latencyMicros.getMaxValue()).isGreaterThanOrEqualTo(1_000_000);
            assertThat(results.latencyMicros.getValueAtPercentile(80)).as("coordinated omission corrected").isGreaterThan(200_000);
            assertThat(results.completed).isCloseTo(250, within(5L));
        }
    }

    @Test
    void theClosedModelSeesTheSameStallOnlyOnce() throws Exception {
        try (TinyHttpServer server = new TinyHttpServer(n -> n == 100 ? new TinyHttpServer.Stall(1000, 302) : new TinyHttpServer.Respond(302))) {
            Results results = engine(server, 1).runClosed(Duration.ZERO, Duration.ofSeconds(2));

            assertThat(results.latencyMicros.getMaxValue()).isGreaterThanOrEqualTo(1_000_000);
            assertThat(results.latencyMicros.getValueAtPercentile(80)).isLessThan(100_000);
        }
    }

    @Test
    void everyNon3xxAnswerIsAnErrorByStatus() throws Exception {
        try (TinyHttpServer server = new TinyHttpServer(n -> n % 10 == 0 ? new TinyHttpServer.Respond(500)
                : n % 10 == 5 ? new TinyHttpServer.Respond(200) : new TinyHttpServer.Respond(302))) {
            Results results = engine(server, 4).runOpen(400, Duration.ZERO, Duration.ofSeconds(1));

            long total = results.completed;
            assertThat(results.errorStatuses.get(500)).isCloseTo(total / 10, within(3L));
            assertThat(results.errorStatuses.get(200)).isCloseTo(total / 10, within(3L));
            assertThat(results.errors()).isEqualTo(results.errorStatuses.get(500) + results.errorStatuses.get(200));
        }
    }

    @Test
    void aDroppedConnectionIsATransportErrorAndTheRunGoesOn() throws Exception {
        try (TinyHttpServer server = new TinyHttpServer(n -> n % 20 == 0 ? new TinyHttpServer.Drop() : new TinyHttpServer.Respond(302))) {
            Results results = engine(server, 4).runOpen(400, Duration.ZERO, Duration.ofSeconds(1));

            assertThat(results.transportErrors).isCloseTo(20, within(4L));
            assertThat(results.succeeded).isGreaterThan(350);
            assertThat(results.errors()).isEqualTo(results.transportErrors + results.unsent);
        }
    }

    @Test
    void aServerThatIsNotThereIsAllErrors() throws Exception {
        int port;
        try (TinyHttpServer server = new TinyHttpServer(n -> new TinyHttpServer.Respond(302))) {
            port = server.port();
            LoadEngine engine = new LoadEngine(new InetSocketAddress("127.0.0.1", port), Scenario.hot("x", "abc"), 2, 1, QUIET);
            server.close();
            Results results = engine.runOpen(100, Duration.ZERO, Duration.ofSeconds(1));

            assertThat(results.succeeded).isZero();
            assertThat(results.errors()).isGreaterThan(50);
        }
    }

    @Test
    void percentilesComeFromTheRecordedLatencies() {
        Results results = new Results();
        for (int ms = 1; ms <= 1000; ms++) {
            results.recordResponse(ms * 1_000_000L, true, 302);
        }
        results.measuredNanos = 1_000_000_000L;

        Report report = Report.of("known", "hot", "closed", "x", 1, 0, results);

        assertThat(report.latencyMs().get("p50")).isCloseTo(500, within(1.0));
        assertThat(report.latencyMs().get("p99")).isCloseTo(990, within(1.0));
        assertThat(report.latencyMs().get("max")).isCloseTo(1000, within(1.0));
        assertThat(report.achievedRate()).isEqualTo(1000);
        assertThat(report.html()).contains("<svg").contains("polyline");
    }

    private static LoadEngine engine(TinyHttpServer server, int connections) {
        return new LoadEngine(new InetSocketAddress("127.0.0.1", server.port()), Scenario.hot("127.0.0.1", "abc"),
                connections, 1, QUIET);
    }
}
