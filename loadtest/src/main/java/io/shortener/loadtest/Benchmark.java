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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole benchmark in one run on one machine, every figure next to its same-run baseline:
 * hot redirects against the service and against nginx answering a 302 from memory (closed model, 32
 * connections), repeated and quoted as medians and ratios; 10,000 redirects/s in the open model for P99;
 * creates against the service and plain inserts into the same Cassandra node; the service's peak RSS.
 */
final class Benchmark {

    private final URI service;
    private final URI nginx;
    private final String cassandra;
    private final long servicePid;
    private final int repeats;
    private final Duration warmup;
    private final Duration duration;
    private final Duration createWarmup;
    private final int connections;
    private final double openRate;
    private final Path out;
    private final PrintStream console = System.out;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    Benchmark(Options options) {
        service = URI.create(options.text("service", "http://127.0.0.1:8080"));
        nginx = URI.create(options.text("nginx", "http://127.0.0.1:18090"));
        cassandra = options.text("cassandra", "127.0.0.1:19042");
        servicePid = Long.parseLong(options.text("service-pid", "-1"));
        repeats = options.integer("repeats", 3);
        warmup = options.duration("warmup", "5s");
        duration = options.duration("duration", "15s");
        // The create path (JSON, validation, the insert) takes longer to compile than the redirect path.
        createWarmup = options.duration("create-warmup", "15s");
        connections = options.integer("connections", 32);
        openRate = options.decimal("rate", 10_000);
        out = Path.of(options.text("out", "target/bench"));
    }

    void run() throws Exception {
        String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        Seeder seeder = new Seeder(service);
        String hotCode = seeder.seed(1, runId + "-hot").get(0);
        List<String> zipfCodes = seeder.seed(2000, runId + "-zipf");

        warm(zipfCodes);

        List<Double> nginxRates = new ArrayList<>();
        List<Double> serviceRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Report> opens = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            Report base = closed("nginx-hot-" + i, nginx, Scenario.hot(host(nginx), "abc"));
            Report ours = closed("service-hot-" + i, service, Scenario.hot(host(service), hotCode));
            nginxRates.add(base.achievedRate());
            serviceRates.add(ours.achievedRate());
            ratios.add(ours.achievedRate() / base.achievedRate());
            console.printf(Locale.ROOT, "hot redirects, repeat %d: nginx %.0f/s, service %.0f/s (%d errors), ratio %.2f%n",
                    i, base.achievedRate(), ours.achievedRate(), ours.errors(), ours.achievedRate() / base.achievedRate());
            Report open = run("service-zipf-open-" + i, service, Scenario.zipf(host(service), zipfCodes, 1.0), openRate);
            opens.add(open);
            console.printf(Locale.ROOT, "open model, repeat %d: %s%n", i, open.summary());
        }
        Report open = opens.stream().sorted(java.util.Comparator.comparingDouble(r -> r.latencyMs().get("p99")))
                .toList().get(opens.size() / 2);

        List<Double> createRates = new ArrayList<>();
        List<Double> insertRates = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            Report creates = run("service-create-" + i, service, Scenario.create(host(service), runId + "-" + i), 0, createWarmup);
            double inserts = new CassandraInsertBaseline(cassandra, "dc1", duration, connections, 600, quiet).run();
            createRates.add(creates.achievedRate());
            insertRates.add(inserts);
            console.printf(Locale.ROOT, "creates, repeat %d: service %.0f/s (%d errors, p99 %.1f ms), Cassandra alone %.0f inserts/s, ratio %.2f%n",
                    i, creates.achievedRate(), creates.errors(), creates.latencyMs().get("p99"), inserts, creates.achievedRate() / inserts);
        }

        String peakRss = servicePid > 0 ? peakRss(servicePid) : "n/a";
        String summary = String.format(Locale.ROOT, """
                | measure | median of %d | same-run baseline (median) | ratio (median) |
                | --- | --- | --- | --- |
                | hot redirects, closed, %d connections | %.0f/s | nginx %.0f/s | %.2f |
                | redirects at %.0f/s offered, open, Zipf over 2,000 links (the run with the median P99) | P99 %.2f ms, P99.9 %.2f ms, max %.2f ms, %d errors | | |
                | creates, closed, %d connections | %.0f/s | Cassandra alone %.0f inserts/s | %.2f |
                | service peak RSS (VmHWM) | %s | | |
                """, repeats, connections, median(serviceRates), median(nginxRates), median(ratios), openRate,
                open.latencyMs().get("p99"), open.latencyMs().get("p99.9"), open.latencyMs().get("max"), open.errors(),
                connections, median(createRates), median(insertRates), median(ratio(createRates, insertRates)), peakRss);
        console.println();
        console.print(summary);
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }

    private Report closed(String name, URI target, Scenario scenario) throws IOException {
        return run(name, target, scenario, 0);
    }

    private Report run(String name, URI target, Scenario scenario, double rate) throws IOException {
        return run(name, target, scenario, rate, warmup);
    }

    private Report run(String name, URI target, Scenario scenario, double rate, Duration warmup) throws IOException {
        LoadEngine engine = new LoadEngine(new InetSocketAddress(target.getHost(), target.getPort()), scenario,
                connections, 42, quiet);
        Results results = rate > 0 ? engine.runOpen(rate, warmup, duration) : engine.runClosed(warmup, duration);
        Report report = Report.of(name, scenario.name(), rate > 0 ? "open" : "closed", target.toString(), connections, rate, results);
        report.write(out.resolve(name));
        return report;
    }

    /** One request for every seeded code, so the open-model runs measure caches, not first loads. */
    private void warm(List<String> codes) throws IOException {
        LoadEngine engine = new LoadEngine(new InetSocketAddress(service.getHost(), service.getPort()),
                Scenario.sequence(host(service), codes), 8, 42, quiet);
        engine.runClosed(Duration.ZERO, Duration.ofSeconds(3));
    }

    private static String host(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Double> ratio(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return ratios;
    }

    /** The peak resident set of a process since it started, from /proc. */
    private static String peakRss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB")
                    .findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }
}
