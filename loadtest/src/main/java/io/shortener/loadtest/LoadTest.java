package io.shortener.loadtest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The command line.
 *
 * <pre>
 * java -jar loadtest.jar http  --target http://127.0.0.1:8080 --scenario hot|zipf|create|alias|mix
 *                              [--rate 10000 | --closed] [--connections 32] [--duration 30s] [--warmup 10s]
 *                              [--links 10000] [--zipf-exponent 1.0] [--code CODE] [--seed 42]
 *                              [--name NAME] [--report target/loadtest/NAME]
 *                              [--api-key KEY | --api-key-file .devstack/local/dev-api-key]
 * java -jar loadtest.jar cassandra-inserts --contact-point 127.0.0.1:19042 [--dc dc1] [--duration 20s]
 *                              [--in-flight 32] [--row-bytes 600]
 * java -jar loadtest.jar bench --service URL --nginx URL --cassandra HOST:PORT [--service-pid PID]
 *                              [--repeats 3] [--jit-warmup 30s] [--warmup 5s] [--create-warmup 15s] [--duration 15s] [--rate 10000]
 *                              [--out target/bench]
 * java -jar loadtest.jar capacity --service-pid PID --nginx-pid PID --cassandra-pid PID --kafka-pid PID
 *                              --clickhouse-pid PID --job-pid PID [--duration 15s] [--out target/bench/capacity]
 * java -jar loadtest.jar cache-sim [--exponents 0.8,1.0,1.2] [--l1 100000,1000000] [--l2 1e7,5e7,1e8]
 *                              [--instances 4] [--peak-rate 17361] [--sim-requests 4e7 | 0] …
 * </pre>
 */
public final class LoadTest {

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: loadtest http|cassandra-inserts|bench|bench-rules|capacity|cache-sim --option value …  (see README, Load tests)");
            System.exit(2);
        }
        Options options = new Options(args, 1);
        switch (args[0]) {
            case "http" -> http(options);
            case "cassandra-inserts" -> CassandraBaseline.of(options).run();
            case "bench" -> new Benchmark(options).run();
            case "bench-rules" -> new RulesBenchmark(options).run();
            case "capacity" -> new CapacityBench(options).run();
            case "cache-sim" -> CacheSimulation.of(options).run();
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void http(Options options) throws Exception {
        URI target = URI.create(options.text("target", "http://127.0.0.1:8080"));
        String host = target.getHost() + ":" + target.getPort();
        String scenarioName = options.text("scenario", "hot");
        long seed = Long.parseLong(options.text("seed", "42"));
        String runId = Long.toString(System.currentTimeMillis(), 36);
        String apiKey = options.apiKey();
        Scenario scenario = switch (scenarioName) {
            case "hot" -> Scenario.hot(host, options.text("code", null) != null ? options.text("code", null)
                    : new Seeder(target, apiKey).seed(1, runId).get(0));
            case "zipf" -> Scenario.zipf(host, seeded(target, apiKey, options, runId), options.decimal("zipf-exponent", 1.0));
            case "create" -> Scenario.create(host, apiKey, runId);
            case "alias" -> Scenario.alias(host, apiKey, runId);
            case "mix" -> Scenario.mix(Scenario.zipf(host, seeded(target, apiKey, options, runId), options.decimal("zipf-exponent", 1.0)),
                    Scenario.create(host, apiKey, runId));
            default -> throw new IllegalArgumentException("scenario must be hot, zipf, create, alias or mix");
        };
        boolean closed = options.flag("closed");
        double rate = options.decimal("rate", 1000);
        int connections = options.integer("connections", 32);
        Duration warmup = options.duration("warmup", "10s");
        Duration duration = options.duration("duration", "30s");
        String name = options.text("name", scenarioName + (closed ? "-closed" : "-" + (long) rate + "rps"));
        int sourceAddresses = options.integer("source-addresses", 0);

        LoadEngine engine = new LoadEngine(new InetSocketAddress(target.getHost(), target.getPort()), scenario,
                connections, seed, System.out, sourceAddresses);
        System.out.printf(Locale.ROOT, "%s: %s against %s, %s, %d connections%s, %s warm-up, %s measured%n", name,
                scenarioName, target, closed ? "closed model" : "open model at " + (long) rate + "/s", connections,
                sourceAddresses > 0 ? " from " + sourceAddresses + " addresses (127.0.1.1…)" : "", warmup, duration);
        Results results = closed ? engine.runClosed(warmup, duration) : engine.runOpen(rate, warmup, duration);
        Report report = Report.of(name, scenarioName, closed ? "closed" : "open", target.toString(), connections,
                closed ? 0 : rate, results);
        Path dir = Path.of(options.text("report", "target/loadtest/" + name));
        report.write(dir);
        System.out.println(report.summary());
        System.out.println("report: " + dir.resolve("report.json") + ", " + dir.resolve("report.html"));
    }

    private static List<String> seeded(URI target, String apiKey, Options options, String runId) throws InterruptedException {
        int links = options.integer("links", 10_000);
        long started = System.nanoTime();
        List<String> codes = new Seeder(target, apiKey).seed(links, runId);
        System.out.printf(Locale.ROOT, "seeded %d links in %.1f s%n", codes.size(), (System.nanoTime() - started) / 1e9);
        return codes;
    }
}
