package io.shortener.loadtest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The per-core figures docs/CAPACITY.md sizes the deployment from: each tier's work divided by the
 * CPU time its own process spent on it in the same stretch (from /proc, so that the load generator and
 * the other servers on these two cores do not count), each next to a baseline measured in the same run:
 * nginx for redirects, a driver-only client for Cassandra, a plain TSV insert for ClickHouse, a plain
 * consumer for the job. Then what a link, a click and an event take on disk.
 *
 * <p>The job is paused while the service is measured (its clicks wait in Kafka), then measured alone
 * working them off, so that neither has the other on its cores during its own figure.
 */
final class CapacityBench {

    /** A stretch of work, how much of it was done, and the CPU time of the one process that did it. */
    record Figure(String tier, String work, long count, double seconds, double cpuSeconds) {

        double perCpuSecond() {
            return count / cpuSeconds;
        }

        String row(String baselineName, Figure baseline) {
            return String.format(Locale.ROOT, "| %s | %s | %,.0f/s | %.2f | **%,.0f** | %s: %,.0f | %.2f |", tier, work,
                    count / seconds, cpuSeconds / seconds, perCpuSecond(), baselineName, baseline.perCpuSecond(),
                    perCpuSecond() / baseline.perCpuSecond());
        }
    }

    private interface Counted {
        long run() throws Exception;
    }

    private final URI service;
    private final String apiKey;
    private final URI nginx;
    private final String cassandra;
    private final String kafka;
    private final Path checkpoint;
    private final Path kafkaData;
    private final URI clickhouse;
    private final String database;
    private final ProcessCpu serviceCpu;
    private final ProcessCpu nginxCpu;
    private final ProcessCpu cassandraCpu;
    private final ProcessCpu brokerCpu;
    private final ProcessCpu clickhouseCpu;
    private final long jobPid;
    private final Duration duration;
    private final Duration jitWarmup;
    private final int connections;
    private final int clickhouseRows;
    private final Path out;
    private final PrintStream console = System.out;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CapacityBench(Options options) {
        service = URI.create(options.text("service", "http://127.0.0.1:8080"));
        apiKey = options.apiKey();
        nginx = URI.create(options.text("nginx", "http://127.0.0.1:18090"));
        cassandra = options.text("cassandra", "127.0.0.1:19042");
        kafka = options.text("kafka", "127.0.0.1:19092");
        checkpoint = Path.of(options.text("checkpoint", ".devstack/local/analytics/checkpoint"));
        kafkaData = Path.of(options.text("kafka-data", ".devstack/local/kafka-broker/data"));
        clickhouse = URI.create(options.text("clickhouse", "http://127.0.0.1:18123/"));
        database = options.text("database", "shortener");
        serviceCpu = new ProcessCpu("service", pid(options, "service-pid"));
        nginxCpu = new ProcessCpu("nginx", pid(options, "nginx-pid"));
        cassandraCpu = new ProcessCpu("Cassandra node", pid(options, "cassandra-pid"));
        brokerCpu = new ProcessCpu("Kafka broker", pid(options, "kafka-pid"));
        clickhouseCpu = new ProcessCpu("ClickHouse", pid(options, "clickhouse-pid"));
        jobPid = pid(options, "job-pid");
        duration = options.duration("duration", "15s");
        jitWarmup = options.duration("jit-warmup", "30s");
        connections = options.integer("connections", 32);
        clickhouseRows = options.integer("clickhouse-rows", 1_000_000);
        out = Path.of(options.text("out", "target/bench/capacity"));
    }

    private static long pid(Options options, String name) {
        long pid = Long.parseLong(options.text(name, "-1"));
        if (pid <= 0 || ProcessHandle.of(pid).isEmpty()) {
            throw new IllegalArgumentException("--" + name + " must be the pid of a running process, not " + pid);
        }
        return pid;
    }

    void run() throws Exception {
        MachineLoad load = MachineLoad.sample(Duration.ofSeconds(3));
        console.println("machine before the run: " + load);
        String runId = "capacity-" + Long.toString(System.currentTimeMillis(), 36);
        Seeder seeder = new Seeder(service, apiKey);
        String hotCode = seeder.seed(1, runId + "-hot").get(0);
        List<String> codes = seeder.seed(2000, runId + "-zipf");
        ServiceWarmup warming = new ServiceWarmup(service, apiKey, connections, 10_000, console);
        warming.cacheEveryCode(codes);
        warming.compile(hotCode, codes, runId, jitWarmup);

        List<String> rows = new ArrayList<>();
        Figure directClickRows;
        new JobSignals(jobPid).pause();
        try {
            Figure nginxRedirects = closed(nginxCpu, "a 302 from memory", nginx, Scenario.hot(Scenario.hostOf(nginx), "abc"), Optional.empty());
            Figure redirects = closed(serviceCpu, "redirects, Zipf over 2,000 cached links, each click sent to Kafka", service,
                    Scenario.zipf(Scenario.hostOf(service), codes, 1.0), Optional.of(brokerCpu));
            Figure clicksAppended = new Figure(brokerCpu.name(), "click events appended by those redirects (one replica here)",
                    redirects.count(), redirects.seconds(), lastOther);
            Figure creates = closed(serviceCpu, "creates, generated codes", service, Scenario.create(Scenario.hostOf(service), apiKey, runId), Optional.of(cassandraCpu));
            Figure linkInserts = new Figure(cassandraCpu.name(), "link inserts made by those creates (RF 1 here)", creates.count(),
                    creates.seconds(), lastOther);

            CassandraBaseline baseline = new CassandraBaseline(cassandra, "dc1", duration, connections, 600, quiet, Optional.of(cassandraCpu));
            Figure inserts = cassandraFigure(baseline.inserts());
            Figure reads = cassandraFigure(baseline.reads());
            directClickRows = measured(clickhouseCpu, "clicks_raw rows in one TSV insert", this::insertClickRows);

            rows.add(redirects.row("nginx, the same 302", nginxRedirects));
            rows.add(creates.row("nginx, a 302 (for scale)", nginxRedirects));
            rows.add(linkInserts.row("the same node, driver-only inserts", inserts));
            rows.add(reads.row("the same node, driver-only inserts", inserts));
            rows.add(clicksAppended.row("itself", clicksAppended));
        } finally {
            new JobSignals(jobPid).resume();
        }

        double clickhouseBefore = clickhouseCpu.seconds();
        long clickhouseStarted = System.nanoTime();
        JobThroughput.Result job;
        try (ClickBacklog backlog = new ClickBacklog(kafka, "clicks", checkpoint)) {
            console.printf(Locale.ROOT, "the job: working off %,d events, nothing else running%n", backlog.backlog());
            job = new JobThroughput(backlog, jobPid).measure(Duration.ofMinutes(5));
        }
        Figure clicksWritten = new Figure(clickhouseCpu.name(), "clicks the job wrote (clicks_raw, minute counts, visitors)", job.events(),
                (System.nanoTime() - clickhouseStarted) / 1e9, clickhouseCpu.seconds() - clickhouseBefore);
        ConsumerBaseline.Result consumer = new ConsumerBaseline(kafka, "clicks")
                .run(Math.max(200_000, Math.min(job.events(), 1_000_000)), Duration.ofSeconds(60));
        rows.add(new Figure("analytics job", "clicks counted exactly once", job.events(), job.seconds(), job.cpuSeconds())
                .row("a plain consumer decoding the same events", new Figure("consumer", "", consumer.events(), consumer.seconds(),
                        consumer.cpuSeconds())));
        rows.add(clicksWritten.row("plain TSV insert of clicks_raw rows", directClickRows));

        String summary = String.format(Locale.ROOT, """
                Machine before the run: %s.

                | tier | work | rate | CPUs busy | per CPU-second | same-run baseline, per CPU-second | ratio |
                | --- | --- | --- | --- | --- | --- | --- |
                %s

                %s
                """, load, String.join("\n", rows), storage());
        console.println();
        console.print(summary);
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }

    /** Bytes on disk per row of the synthetic clicks: a code per click, no two alike, as compression's worst case. */
    private double syntheticBytesPerClick;

    /** The other tier's CPU over the last closed run (the broker behind redirects, the node behind creates). */
    private double lastOther;

    /**
     * A closed-model run, warmed first in a run of its own, then measured with the CPU of its tier (and of
     * the tier behind it, if any) read around the measured run alone.
     */
    private Figure closed(ProcessCpu cpu, String work, URI target, Scenario scenario, Optional<ProcessCpu> behind) throws IOException {
        InetSocketAddress address = new InetSocketAddress(target.getHost(), target.getPort());
        new LoadEngine(address, scenario, connections, 42, quiet).runClosed(Duration.ZERO, Duration.ofSeconds(10));
        double before = cpu.seconds();
        double behindBefore = behind.map(ProcessCpu::seconds).orElse(0.0);
        long started = System.nanoTime();
        Results results = new LoadEngine(address, scenario, connections, 43, quiet).runClosed(Duration.ZERO, duration);
        double seconds = (System.nanoTime() - started) / 1e9;
        double spent = cpu.seconds() - before;
        lastOther = behind.map(ProcessCpu::seconds).orElse(0.0) - behindBefore;
        String name = cpu.name().toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + scenario.name();
        Report report = Report.of(name, scenario.name(), "closed", target.toString(), connections, 0, results);
        report.write(out.resolve(name));
        Figure figure = new Figure(cpu.name(), work, report.completed(), seconds, spent);
        console.printf(Locale.ROOT, "%s, %s: %,d in %.1f s, %.1f CPU-s, %,.0f per CPU-second, %d errors%s%n", figure.tier(), work,
                figure.count(), seconds, spent, figure.perCpuSecond(), report.errors(),
                behind.map(b -> String.format(Locale.ROOT, "; %s %.1f CPU-s", b.name(), lastOther)).orElse(""));
        return figure;
    }

    private Figure cassandraFigure(CassandraBaseline.Result result) {
        Figure figure = new Figure(cassandraCpu.name(), "driver-only " + result.operation() + " of ~600-byte rows", result.done(),
                result.seconds(), result.nodeCpuSeconds());
        console.printf(Locale.ROOT, "%s, %s: %,d in %.1f s, %.1f CPU-s, %,.0f per CPU-second, %d errors%n", figure.tier(), figure.work(),
                figure.count(), figure.seconds(), figure.cpuSeconds(), figure.perCpuSecond(), result.errors());
        return figure;
    }

    private Figure measured(ProcessCpu cpu, String work, Counted counted) throws Exception {
        double before = cpu.seconds();
        long started = System.nanoTime();
        long count = counted.run();
        Figure figure = new Figure(cpu.name(), work, count, (System.nanoTime() - started) / 1e9, cpu.seconds() - before);
        console.printf(Locale.ROOT, "%s, %s: %,d in %.1f s, %.1f CPU-s, %,.0f per CPU-second%n", figure.tier(), work, count,
                figure.seconds(), figure.cpuSeconds(), figure.perCpuSecond());
        return figure;
    }

    /**
     * Click-shaped rows into a scratch copy of clicks_raw, in one streamed TSV insert: what ClickHouse
     * itself takes per CPU-second, without the job's micro-batches around it.
     */
    private long insertClickRows() throws IOException, InterruptedException {
        clickhouse("DROP TABLE IF EXISTS capacity_clicks_raw");
        clickhouse("CREATE TABLE capacity_clicks_raw AS clicks_raw");
        try {
            SplittableRandom random = new SplittableRandom(7);
            long now = Instant.now().getEpochSecond();
            String[] devices = {"mobile", "desktop", "tablet", "bot"};
            String[] countries = {"US", "DE", "FR", "GB", "JP", "BR", "IN", ""};
            Enumeration<InputStream> batches = new Enumeration<>() {
                private int written;

                @Override
                public boolean hasMoreElements() {
                    return written < clickhouseRows;
                }

                @Override
                public InputStream nextElement() {
                    StringBuilder batch = new StringBuilder(1 << 20);
                    for (int i = 0; i < 10_000 && written < clickhouseRows; i++, written++) {
                        batch.append(random.nextLong() & Long.MAX_VALUE).append('\t')
                                .append("c").append(Long.toString(random.nextLong(56_800_235_584L), 36)).append('\t')
                                .append(now - random.nextInt(86_400)).append('\t')
                                .append(1 + random.nextInt(2)).append('\t').append(random.nextInt(16)).append('\t')
                                .append(random.nextInt(4) == 0 ? "" : "news" + random.nextInt(500) + ".example.com").append('\t')
                                .append(countries[random.nextInt(countries.length)]).append('\t')
                                .append(devices[random.nextInt(devices.length)]).append('\t')
                                .append("Chrome").append('\t').append("Android").append('\t')
                                .append(random.nextInt(20) == 0 ? 1 : 0).append('\t')
                                .append(Long.toHexString(random.nextLong())).append('\n');
                    }
                    return new ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8));
                }
            };
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(query("INSERT INTO capacity_clicks_raw FORMAT TabSeparated"))
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(batches))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse refused the rows: " + response.body());
            }
            String[] stored = clickhouse("SELECT sum(rows), sum(data_compressed_bytes) FROM system.parts WHERE active AND database = '"
                    + database + "' AND table = 'capacity_clicks_raw'").trim().split("\t");
            syntheticBytesPerClick = Double.parseDouble(stored[1]) / Double.parseDouble(stored[0]);
            return Long.parseLong(stored[0]);
        } finally {
            clickhouse("DROP TABLE IF EXISTS capacity_clicks_raw");
        }
    }

    /** Bytes on disk per click in ClickHouse (all click tables, per clicks_raw row) and per event in Kafka. */
    private String storage() throws IOException, InterruptedException {
        String[] parts = clickhouse("SELECT sumIf(rows, table = 'clicks_raw'), sum(data_compressed_bytes), sumIf(data_compressed_bytes, "
                + "table = 'clicks_raw'), sumIf(data_uncompressed_bytes, table = 'clicks_raw') FROM system.parts WHERE active AND database = '"
                + database + "'").trim().split("\t");
        long clicks = Long.parseLong(parts[0]);
        long allBytes = Long.parseLong(parts[1]);
        long rawBytes = Long.parseLong(parts[2]);
        long rawUncompressed = Long.parseLong(parts[3]);
        long events;
        try (ClickBacklog backlog = new ClickBacklog(kafka, "clicks", checkpoint)) {
            events = backlog.sent();
        }
        long kafkaBytes;
        try (Stream<Path> files = Files.walk(kafkaData)) {
            kafkaBytes = files.filter(file -> file.getParent().getFileName().toString().startsWith("clicks-"))
                    .filter(file -> file.getFileName().toString().endsWith(".log"))
                    .mapToLong(file -> file.toFile().length()).sum();
        }
        return String.format(Locale.ROOT, """
                On disk: ClickHouse %,d clicks in clicks_raw, **%.1f bytes a click** there (%.1f uncompressed), **%.1f bytes a click** \
                in all of the database's tables together (these clicks went to 2,000 links); the synthetic clicks, each to a code \
                of its own, **%.1f bytes a click**; Kafka %,d events in %,d bytes of log, **%.0f bytes an event** (compressed \
                record batches).""", clicks, (double) rawBytes / clicks, (double) rawUncompressed / clicks, (double) allBytes / clicks,
                syntheticBytesPerClick, events, kafkaBytes, (double) kafkaBytes / events);
    }

    private String clickhouse(String sql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(query(sql)).timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ClickHouse: " + sql + ": " + response.body());
        }
        return response.body();
    }

    private URI query(String sql) {
        return clickhouse.resolve("/?database=" + database + "&query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
    }

}
