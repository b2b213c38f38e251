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
 * closed model, alternating plain and ruled runs so that both meet the same machine. The figures are the
 * medians of the ruled-over-plain ratios of throughput and, with the service's pid, of the service's CPU
 * time per redirect (what the rules cost it, whatever else the machine did meanwhile); the goal is a cost
 * of at most 10% (a throughput ratio of at least 0.90, a CPU ratio of at most 1.10).
 */
final class RulesBenchmark {

    private final URI service;
    private final String apiKey;
    private final int repeats;
    private final Duration warmup;
    private final Duration duration;
    private final int connections;
    private final Path out;
    private final long servicePid;
    private final String rules;
    private final PrintStream console = System.out;

    RulesBenchmark(Options options) {
        service = URI.create(options.text("service", "http://127.0.0.1:8080"));
        apiKey = options.apiKey();
        // Many short pairs rather than a few long ones: the machine's swings are as long as a run, and the
        // median of ten pairs stands through two or three pairs that one of them hit.
        repeats = options.integer("repeats", 10);
        warmup = options.duration("warmup", "3s");
        duration = options.duration("duration", "8s");
        connections = options.integer("connections", 32);
        out = Path.of(options.text("out", "target/bench/rules"));
        servicePid = Long.parseLong(options.text("service-pid", "-1"));
        // Another rule set to weigh (a JSON array), e.g. one rule alone, to tell its cost from the others'.
        rules = options.text("rules", fiveRules(Instant.now()));
    }

    /** One measured run: its report, and the service's CPU time per redirect in microseconds (NaN without its pid). */
    private record Run(Report report, double cpuMicros) {
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
        String ruled = seeder.seed(1, i -> "{\"url\": \"https://example.com/" + runId + "/ruled\", \"rules\": " + rules + "}").get(0);
        String host = Scenario.hostOf(service);
        // Compile both paths before anything is measured.
        closed("jit-plain", Scenario.visitors(host, plain), Duration.ofSeconds(10));
        closed("jit-ruled", Scenario.visitors(host, ruled), Duration.ofSeconds(10));

        List<Double> plainRates = new ArrayList<>();
        List<Double> ruledRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> plainP99 = new ArrayList<>();
        List<Double> ruledP99 = new ArrayList<>();
        List<Double> plainCpu = new ArrayList<>();
        List<Double> ruledCpu = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            // Alternate which goes first: a machine that slows within a pair favours neither.
            boolean plainFirst = i % 2 == 1;
            Run first = closed((plainFirst ? "plain-" : "ruled-") + i, Scenario.visitors(host, plainFirst ? plain : ruled), warmup);
            Run second = closed((plainFirst ? "ruled-" : "plain-") + i, Scenario.visitors(host, plainFirst ? ruled : plain), warmup);
            Report plainRun = (plainFirst ? first : second).report();
            Report ruledRun = (plainFirst ? second : first).report();
            plainCpu.add((plainFirst ? first : second).cpuMicros());
            ruledCpu.add((plainFirst ? second : first).cpuMicros());
            cpuRatios.add(ruledCpu.get(i - 1) / plainCpu.get(i - 1));
            plainRates.add(plainRun.achievedRate());
            ruledRates.add(ruledRun.achievedRate());
            ratios.add(ruledRun.achievedRate() / plainRun.achievedRate());
            plainP99.add(plainRun.latencyMs().get("p99"));
            ruledP99.add(ruledRun.latencyMs().get("p99"));
            console.printf(Locale.ROOT, "repeat %d: plain %.0f/s (p99 %.2f ms, %d errors, %.2f µs CPU each), five rules %.0f/s "
                            + "(p99 %.2f ms, %d errors, %.2f µs CPU each), ratios %.3f (rate) and %.3f (CPU)%n",
                    i, plainRun.achievedRate(), plainRun.latencyMs().get("p99"), plainRun.errors(), plainCpu.get(i - 1),
                    ruledRun.achievedRate(), ruledRun.latencyMs().get("p99"), ruledRun.errors(), ruledCpu.get(i - 1), ratios.get(i - 1),
                    cpuRatios.get(i - 1));
        }
        String summary = String.format(Locale.ROOT, """
                Machine before the run: %s.

                | measure | median of %d | same-run baseline (median) | ratio (median) |
                | --- | --- | --- | --- |
                | redirects of a link with five rules, closed, %d connections | %.0f/s, P99 %.2f ms | the same visitors to a plain link: %.0f/s, P99 %.2f ms | %.3f |
                | the service's CPU time per redirect | %.2f µs | %.2f µs | %.3f |

                Every repeat: rate ratios %s; CPU ratios %s.
                """, load, repeats, connections, Benchmark.median(ruledRates), Benchmark.median(ruledP99), Benchmark.median(plainRates),
                Benchmark.median(plainP99), Benchmark.median(ratios), Benchmark.median(ruledCpu), Benchmark.median(plainCpu),
                Benchmark.median(cpuRatios), rounded(ratios), rounded(cpuRatios));
        console.println();
        console.print(summary);
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }

    private Run closed(String name, Scenario scenario, Duration warm) throws IOException {
        LoadEngine engine = new LoadEngine(new InetSocketAddress(service.getHost(), service.getPort()), scenario, connections, 42,
                new PrintStream(OutputStream.nullOutputStream()));
        if (servicePid > 0) {
            engine.measuring(new ProcessCpu("service", servicePid));
        }
        Results results = engine.runClosed(warm, duration);
        Report report = Report.of(name, scenario.name(), "closed", service.toString(), connections, 0, results);
        report.write(out.resolve(name));
        double cpuMicros = results.serverCpuSeconds >= 0 && results.completed > 0 ? results.serverCpuSeconds * 1e6 / results.completed : Double.NaN;
        return new Run(report, cpuMicros);
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList();
    }
}
