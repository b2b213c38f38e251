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
 * With the analytics job's pid: the click lag at a sustained rate (first, from a worked-off backlog), the
 * hot pair again with the job paused, and the job's throughput against a plain consumer's. The machine's
 * load before the run and the job's backlog before each repeat are reported, not waited out: a user who
 * load-tests twice meets both.
 */
final class Benchmark {

    private final URI service;
    private final String apiKey;
    private final URI nginx;
    private final String cassandra;
    private final long servicePid;
    private final int repeats;
    private final Duration warmup;
    private final Duration duration;
    private final Duration jitWarmup;
    private final Duration createWarmup;
    private final int connections;
    private final double openRate;
    private final Path out;
    private final long jobPid;
    private final String jobState;
    private final String kafka;
    private final Path checkpoint;
    private final double lagRate;
    private final Duration lagDuration;
    private final boolean lagOnly;
    private final boolean redirectsOnly;
    private final PrintStream console = System.out;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    Benchmark(Options options) {
        service = URI.create(options.text("service", "http://127.0.0.1:8080"));
        apiKey = options.apiKey();
        nginx = URI.create(options.text("nginx", "http://127.0.0.1:18090"));
        cassandra = options.text("cassandra", "127.0.0.1:19042");
        servicePid = Long.parseLong(options.text("service-pid", "-1"));
        repeats = options.integer("repeats", 3);
        warmup = options.duration("warmup", "5s");
        duration = options.duration("duration", "15s");
        // The create path (JSON, validation, the insert) takes longer to compile than the redirect path.
        createWarmup = options.duration("create-warmup", "15s");
        jitWarmup = options.duration("jit-warmup", "30s");
        connections = options.integer("connections", 32);
        openRate = options.decimal("rate", 10_000);
        out = Path.of(options.text("out", "target/bench"));
        jobPid = Long.parseLong(options.text("job-pid", "-1"));
        jobState = options.text("job-state", jobPid > 0 ? "running" : "not measured");
        kafka = options.text("kafka", "127.0.0.1:19092");
        checkpoint = Path.of(options.text("checkpoint", ".devstack/local/analytics/checkpoint"));
        lagRate = options.decimal("lag-rate", 5_000);
        lagDuration = options.duration("lag-duration", "60s");
        String only = options.text("only", "all");
        if (!only.equals("all") && !only.equals("lag") && !only.equals("redirects")) {
            throw new IllegalArgumentException("--only takes all, redirects or lag, not " + only);
        }
        lagOnly = only.equals("lag");
        redirectsOnly = only.equals("redirects");
        if (lagOnly && jobPid <= 0) {
            throw new IllegalArgumentException("--only lag needs the analytics job's pid (--job-pid)");
        }
    }

    void run() throws Exception {
        MachineLoad load = MachineLoad.sample(Duration.ofSeconds(3));
        console.println("machine before the run: " + load);
        console.println("analytics job: " + jobState);
        String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        Seeder seeder = new Seeder(service, apiKey);
        String hotCode = seeder.seed(1, runId + "-hot").get(0);
        List<String> zipfCodes = seeder.seed(2000, runId + "-zipf");

        ServiceWarmup warming = new ServiceWarmup(service, apiKey, connections, openRate, console);
        warming.cacheEveryCode(zipfCodes);
        warming.compile(hotCode, zipfCodes, runId, jitWarmup);
        if (lagOnly) {
            String row = clickLag(runId, zipfCodes);
            console.println();
            console.printf("Machine before the run: %s. Analytics job: %s.%n%n| measure | result | baseline | |%n| --- | --- | --- | --- |%n%s", load,
                    jobState, row);
            return;
        }

        List<Double> nginxRates = new ArrayList<>();
        List<Double> serviceRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Report> opens = new ArrayList<>();
        List<Long> backlogs = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            backlogs.add(backlog());
            console.printf(Locale.ROOT, "repeat %d: the job's backlog %s%n", i, backlogs.get(i - 1) < 0 ? "unknown"
                    : String.format(Locale.ROOT, "%,d events", backlogs.get(i - 1)));
            HotPair pair = hotPair("hot-" + i, "hot redirects, repeat " + i, hotCode);
            nginxRates.add(pair.nginx());
            serviceRates.add(pair.service());
            ratios.add(pair.ratio());
            Report open = run("service-zipf-open-" + i, service, Scenario.zipf(Scenario.hostOf(service), zipfCodes, 1.0), openRate);
            opens.add(open);
            console.printf(Locale.ROOT, "open model, repeat %d: %s%n", i, open.summary());
        }
        Report open = opens.stream().sorted(java.util.Comparator.comparingDouble(r -> r.latencyMs().get("p99")))
                .toList().get(opens.size() / 2);
        if (redirectsOnly) {
            console.printf(Locale.ROOT, "%nMachine before the run: %s. Analytics job: %s. Its backlog before each repeat: %s.%n"
                            + "Every repeat: hot ratios %s (nginx %s/s); open-model P99 %s ms, errors %s, CPU time stolen by the host %s %%.%n",
                    load, jobState, backlogs, rounded(ratios), rounded(nginxRates),
                    rounded(opens.stream().map(r -> r.latencyMs().get("p99")).toList()), opens.stream().map(Report::errors).toList(),
                    rounded(opens.stream().map(Report::stealPercent).toList()));
            return;
        }

        List<Double> createRates = new ArrayList<>();
        List<Double> insertRates = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            Report creates = run("service-create-" + i, service, Scenario.create(Scenario.hostOf(service), apiKey, runId + "-" + i), 0, createWarmup);
            double inserts = new CassandraBaseline(cassandra, "dc1", duration, connections, 600, quiet).run();
            createRates.add(creates.achievedRate());
            insertRates.add(inserts);
            console.printf(Locale.ROOT, "creates, repeat %d: service %.0f/s (%d errors, p99 %.1f ms), Cassandra alone %.0f inserts/s, ratio %.2f%n",
                    i, creates.achievedRate(), creates.errors(), creates.latencyMs().get("p99"), inserts, creates.achievedRate() / inserts);
        }

        String pipeline = jobPid > 0 ? clickPipeline(hotCode) + clickLag(runId, zipfCodes) : "";
        String peakRss = servicePid > 0 ? peakRss(servicePid) : "n/a";
        String summary = String.format(Locale.ROOT, """
                Machine before the run: %s. Analytics job: %s. Its backlog before each repeat: %s.

                | measure | median of %d | same-run baseline (median) | ratio (median) |
                | --- | --- | --- | --- |
                | hot redirects, closed, %d connections | %.0f/s | nginx %.0f/s | %.2f |
                | redirects at %.0f/s offered, open, Zipf over 2,000 links (the run with the median P99) | P99 %.2f ms, P99.9 %.2f ms, max %.2f ms, %d errors | | |
                | creates, closed, %d connections | %.0f/s | Cassandra alone %.0f inserts/s | %.2f |
                %s| service peak RSS (VmHWM) | %s | | |

                Every repeat: hot ratios %s; open-model P99 %s ms, errors %s, CPU time stolen by the host %s %%; create ratios %s.
                """, load, jobState, backlogs, repeats, connections, median(serviceRates), median(nginxRates), median(ratios), openRate,
                open.latencyMs().get("p99"), open.latencyMs().get("p99.9"), open.latencyMs().get("max"), open.errors(),
                connections, median(createRates), median(insertRates), median(ratio(createRates, insertRates)), pipeline, peakRss,
                rounded(ratios), rounded(opens.stream().map(r -> r.latencyMs().get("p99")).toList()),
                opens.stream().map(Report::errors).toList(), rounded(opens.stream().map(Report::stealPercent).toList()),
                rounded(ratio(createRates, insertRates)));
        console.println();
        console.print(summary);
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }

    /**
     * The analytics job's side after the repeats: hot redirects with the job paused (SIGSTOP: its clicks
     * wait in Kafka), then the job's throughput while it works off what the runs left, against a plain
     * consumer reading the same events. Returns the summary table's rows.
     */
    private String clickPipeline(String hotCode) throws Exception {
        List<Double> pausedRatios = new ArrayList<>();
        List<Double> pausedRates = new ArrayList<>();
        List<Double> pausedNginx = new ArrayList<>();
        new JobSignals(jobPid).pause();
        try {
            for (int i = 1; i <= repeats; i++) {
                HotPair pair = hotPair("hot-job-paused-" + i, "hot redirects with the job paused, repeat " + i, hotCode);
                pausedNginx.add(pair.nginx());
                pausedRates.add(pair.service());
                pausedRatios.add(pair.ratio());
            }
        } finally {
            new JobSignals(jobPid).resume();
        }

        JobThroughput.Result job;
        try (ClickBacklog backlog = new ClickBacklog(kafka, "clicks", checkpoint)) {
            console.printf(Locale.ROOT, "the job's throughput: watching it work off %,d events, nothing else running%n",
                    backlog.backlog());
            job = new JobThroughput(backlog, jobPid).measure(Duration.ofMinutes(5));
        }
        ConsumerBaseline.Result consumer = new ConsumerBaseline(kafka, "clicks")
                .run(Math.max(200_000, Math.min(job.events(), 2_000_000)), Duration.ofSeconds(60));
        console.printf(Locale.ROOT, "job: %,d events in %.1f s, %.1f CPU-s (%,.0f/s, %,.0f per CPU-s); plain consumer: %,d events, "
                        + "%.1f CPU-s (%,.0f per CPU-s)%n", job.events(), job.seconds(), job.cpuSeconds(), job.eventsPerSecond(),
                job.eventsPerCpuSecond(), consumer.events(), consumer.cpuSeconds(), consumer.eventsPerCpuSecond());

        return String.format(Locale.ROOT, """
                | hot redirects with the job paused, closed, %d connections | %.0f/s | nginx %.0f/s | %.2f |
                | the job working off its backlog | %,.0f events/s, %,.0f events per CPU-second (%,d events, %.1f CPU-s) | plain consumer + decode %,.0f events per CPU-second | %.3f |
                """, connections, median(pausedRates), median(pausedNginx), median(pausedRatios), job.eventsPerSecond(),
                job.eventsPerCpuSecond(), job.events(), job.cpuSeconds(), consumer.eventsPerCpuSecond(),
                consumer.eventsPerCpuSecond() == 0 ? 0 : job.eventsPerCpuSecond() / consumer.eventsPerCpuSecond());
    }

    /**
     * The click lag at a sustained open-model rate: a steady-state figure, so it is measured last, by a
     * job that has worked off the runs' clicks (its throughput phase) and so runs warm, once what still
     * waits is worked off (at most 3 minutes of waiting; the backlog it started with is reported). A job
     * just started is still compiling its code and filling its state: its first minute is no steady state.
     * Returns its row of the summary table.
     */
    private String clickLag(String runId, List<String> zipfCodes) throws Exception {
        long waitUntil = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long waiting = backlog();
        // Unknown (-1) until the job has committed its first batch: a job just started is still cold.
        while ((waiting < 0 || waiting > lagRate * 5) && System.nanoTime() < waitUntil) {
            Thread.sleep(2_000);
            waiting = backlog();
        }
        long backlogBeforeLag = waiting;
        console.printf(Locale.ROOT, "click lag at %.0f/s: the job's backlog before it %,d events%n", lagRate, backlogBeforeLag);
        List<String> probes = new Seeder(service, apiKey).seed((int) (lagDuration.toSeconds() / 2), runId + "-lag");
        LoadEngine engine = new LoadEngine(new InetSocketAddress(service.getHost(), service.getPort()),
                Scenario.zipf(Scenario.hostOf(service), zipfCodes, 1.0), connections, 7, quiet);
        java.util.concurrent.CompletableFuture<Results> load = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return engine.runOpen(lagRate, Duration.ZERO, lagDuration);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ClickLag.Result lag = new ClickLag(service, apiKey).measure(probes, Duration.ofSeconds(2), Duration.ofMinutes(3));
        Results sustained = load.join();
        Report sustainedReport = Report.of("service-lag-load", "zipf", "open", service.toString(), connections, lagRate, sustained);
        sustainedReport.write(out.resolve("service-lag-load"));
        console.printf(Locale.ROOT, "click lag: P50 %d ms, P99 %d ms, max %d ms over %d probes (%d not seen in 3 min); load %s%n",
                lag.lagsMs().getValueAtPercentile(50), lag.lagsMs().getValueAtPercentile(99), lag.lagsMs().getMaxValue(),
                lag.probes(), lag.missing(), sustainedReport.summary());

        return String.format(Locale.ROOT, """
                | click lag (redirect → stats API) at %.0f redirects/s offered for %ds, %d probes | P50 %.1f s, P99 %.1f s, max %.1f s%s; load P99 %.2f ms, %d errors | backlog at its start %,d events | |
                """, lagRate, lagDuration.toSeconds(),
                lag.probes(), lag.lagsMs().getValueAtPercentile(50) / 1000.0, lag.lagsMs().getValueAtPercentile(99) / 1000.0,
                lag.lagsMs().getMaxValue() / 1000.0, lag.missing() > 0 ? " (" + lag.missing() + " not seen in 3 min)" : "",
                sustainedReport.latencyMs().get("p99"), sustainedReport.errors(), backlogBeforeLag);
    }

    /** One hot-redirect measurement: nginx, then the service, right after it; the ratio is the figure. */
    private record HotPair(double nginx, double service) {

        double ratio() {
            return service / nginx;
        }
    }

    private HotPair hotPair(String name, String label, String hotCode) throws IOException {
        Report base = closed("nginx-" + name, nginx, Scenario.hot(Scenario.hostOf(nginx), "abc"));
        Report ours = closed("service-" + name, service, Scenario.hot(Scenario.hostOf(service), hotCode));
        HotPair pair = new HotPair(base.achievedRate(), ours.achievedRate());
        console.printf(Locale.ROOT, "%s: nginx %.0f/s, service %.0f/s (%d errors), ratio %.2f%n", label, pair.nginx(),
                pair.service(), ours.errors(), pair.ratio());
        return pair;
    }

    /** The job's backlog in events, or -1 when there is no job to ask about. */
    private long backlog() throws IOException {
        if (jobPid <= 0) {
            return -1;
        }
        try (ClickBacklog backlog = new ClickBacklog(kafka, "clicks", checkpoint)) {
            return backlog.backlog();
        }
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList();
    }

    private Report closed(String name, URI target, Scenario scenario) throws IOException {
        return run(name, target, scenario, 0);
    }

    private Report run(String name, URI target, Scenario scenario, double rate) throws IOException {
        return run(name, target, scenario, rate, warmup);
    }

    /** Runs one load; its second-by-second progress goes to {@code seconds.txt} beside its report, to place a stall in time. */
    private Report run(String name, URI target, Scenario scenario, double rate, Duration warmup) throws IOException {
        Files.createDirectories(out.resolve(name));
        Results results;
        try (PrintStream seconds = new PrintStream(Files.newOutputStream(out.resolve(name).resolve("seconds.txt")), true,
                StandardCharsets.UTF_8)) {
            seconds.printf("warm-up of %d s from %s, then %d s measured%n", warmup.toSeconds(), java.time.Instant.now(), duration.toSeconds());
            LoadEngine engine = new LoadEngine(new InetSocketAddress(target.getHost(), target.getPort()), scenario,
                    connections, 42, seconds);
            results = rate > 0 ? engine.runOpen(rate, warmup, duration) : engine.runClosed(warmup, duration);
        }
        Report report = Report.of(name, scenario.name(), rate > 0 ? "open" : "closed", target.toString(), connections, rate, results);
        report.write(out.resolve(name));
        return report;
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
