package io.shortener.loadtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What redirect rules cost the hot path: a link with five rules (every kind of condition, the last a
 * split, so that every redirect evaluates all five) against a plain link, the same visitors sent to each,
 * closed model, alternating plain and ruled runs so that both meet the same machine. The figure is the
 * median of the ruled-over-plain throughput ratios; the goal is at least 0.90.
 */
final class RulesBenchmark {

    private final URI service;
    private final String apiKey;
    private final int repeats;
    private final Duration warmup;
    private final Duration duration;
    private final int connections;
    private final Path out;
    private final PrintStream console = System.out;

    RulesBenchmark(Options options) {
        service = URI.create(options.text("service", "http://127.0.0.1:8080"));
        apiKey = options.apiKey();
        repeats = options.integer("repeats", 5);
        warmup = options.duration("warmup", "5s");
        duration = options.duration("duration", "10s");
        connections = options.integer("connections", 32);
        out = Path.of(options.text("out", "target/bench/rules"));
    }

    /** Five rules none of the benchmark's visitors match but the last (a split), each of another kind. */
    static String fiveRules(Instant now) {
        return "[{\"when\": {\"country\": [\"DE\", \"AT\", \"CH\"]}, \"url\": \"https://example.de/\"},"
                + " {\"when\": {\"os\": [\"iOS\", \"Android\"]}, \"url\": \"https://example.com/app\"},"
                + " {\"when\": {\"language\": [\"fr\", \"de\"]}, \"url\": \"https://example.fr/\"},"
                + " {\"when\": {\"query\": {\"src\": \"qr\"}}, \"url\": \"https://example.com/qr\"},"
                + " {\"when\": {\"from\": \"" + now.minus(Duration.ofDays(1)) + "\", \"until\": \"" + now.plus(Duration.ofDays(365)) + "\"},"
                + " \"split\": [{\"url\": \"https://example.com/a\", \"weight\": 50}, {\"url\": \"https://example.com/b\", \"weight\": 50}]}]";
    }

    void run() throws Exception {
        MachineLoad load = MachineLoad.sample(Duration.ofSeconds(3));
        String runId = "rules-" + Long.toString(System.currentTimeMillis(), 36);
        Seeder seeder = new Seeder(service, apiKey);
        String plain = seeder.seed(1, i -> "{\"url\": \"https://example.com/" + runId + "/plain\"}").get(0);
        String ruled = seeder.seed(1, i -> "{\"url\": \"https://example.com/" + runId + "/ruled\", \"rules\": "
                + fiveRules(Instant.now()) + "}").get(0);
        String host = Scenario.hostOf(service);
        // Compile both paths before anything is measured.
        closed("jit-plain", Scenario.visitors(host, plain), Duration.ofSeconds(10));
        closed("jit-ruled", Scenario.visitors(host, ruled), Duration.ofSeconds(10));

        List<Double> plainRates = new ArrayList<>();
        List<Double> ruledRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> plainP99 = new ArrayList<>();
        List<Double> ruledP99 = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            // Alternate which goes first: a machine that slows within a pair favours neither.
            boolean plainFirst = i % 2 == 1;
            Report first = closed((plainFirst ? "plain-" : "ruled-") + i, Scenario.visitors(host, plainFirst ? plain : ruled), warmup);
            Report second = closed((plainFirst ? "ruled-" : "plain-") + i, Scenario.visitors(host, plainFirst ? ruled : plain), warmup);
            Report plainRun = plainFirst ? first : second;
            Report ruledRun = plainFirst ? second : first;
            plainRates.add(plainRun.achievedRate());
            ruledRates.add(ruledRun.achievedRate());
            ratios.add(ruledRun.achievedRate() / plainRun.achievedRate());
            plainP99.add(plainRun.latencyMs().get("p99"));
            ruledP99.add(ruledRun.latencyMs().get("p99"));
            console.printf(Locale.ROOT, "repeat %d: plain %.0f/s (p99 %.2f ms, %d errors), five rules %.0f/s (p99 %.2f ms, %d errors), ratio %.3f%n",
                    i, plainRun.achievedRate(), plainRun.latencyMs().get("p99"), plainRun.errors(), ruledRun.achievedRate(),
                    ruledRun.latencyMs().get("p99"), ruledRun.errors(), ratios.get(i - 1));
        }
        String summary = String.format(Locale.ROOT, """
                Machine before the run: %s.

                | measure | median of %d | same-run baseline (median) | ratio (median) |
                | --- | --- | --- | --- |
                | redirects of a link with five rules, closed, %d connections | %.0f/s, P99 %.2f ms | the same visitors to a plain link: %.0f/s, P99 %.2f ms | %.3f |

                Every repeat: ratios %s.
                """, load, repeats, connections, Benchmark.median(ruledRates), Benchmark.median(ruledP99), Benchmark.median(plainRates),
                Benchmark.median(plainP99), Benchmark.median(ratios), ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
        console.println();
        console.print(summary);
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }

    private Report closed(String name, Scenario scenario, Duration warm) throws IOException {
        Results results = new LoadEngine(new InetSocketAddress(service.getHost(), service.getPort()), scenario, connections, 42,
                new PrintStream(OutputStream.nullOutputStream())).runClosed(warm, duration);
        Report report = Report.of(name, scenario.name(), "closed", service.toString(), connections, 0, results);
        report.write(out.resolve(name));
        return report;
    }
}
