package io.shortener.analytics;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job's command line. Every option has a default that matches `bin/shortener up`; {@code --master}
 * is left out when the job is submitted with spark-submit, which sets it.
 */
public record JobOptions(String master, String bootstrapServers, String topic, String clickHouseUrl, String clickHouseDatabase,
                         String checkpoint, String startingOffsets,
                         String trigger, String dedupWindow, long maxOffsetsPerTrigger, Path readyFile,
                         String metricsAddress) {

    private static final Set<String> NAMES = Set.of("master", "bootstrap-servers", "topic", "clickhouse-url", "clickhouse-database", "checkpoint", "starting-offsets",
            "trigger", "dedup-window", "max-offsets-per-trigger", "ready-file",
            "metrics-address");

    public static final String USAGE = """
            usage: ClickAggregationJob [--master local[2]] [--bootstrap-servers 127.0.0.1:19092[;another cluster…]] [--topic clicks]
                   [--clickhouse-url http://127.0.0.1:18123] [--clickhouse-database shortener]
                   [--checkpoint checkpoint/clicks] [--starting-offsets earliest] [--trigger '2 seconds'] [--dedup-window '1 hour']
                   [--max-offsets-per-trigger 500000] [--ready-file path] [--metrics-address 127.0.0.1:18095]""";

    public static JobOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + USAGE);
            }
            values.put(name, args[++i]);
        }
        String readyFile = values.get("ready-file");
        return new JobOptions(
                values.get("master"),
                values.getOrDefault("bootstrap-servers", "127.0.0.1:19092"),
                values.getOrDefault("topic", "clicks"),
                values.getOrDefault("clickhouse-url", "http://127.0.0.1:18123"),
                values.getOrDefault("clickhouse-database", "shortener"),
                checkpointLocation(values.getOrDefault("checkpoint", "checkpoint/clicks")),
                values.getOrDefault("starting-offsets", "earliest"),
                values.getOrDefault("trigger", "2 seconds"),
                values.getOrDefault("dedup-window", "1 hour"),
                Long.parseLong(values.getOrDefault("max-offsets-per-trigger", "500000")),
                readyFile == null ? null : Path.of(readyFile).toAbsolutePath(),
                // None by default: several jobs (the tests') may run on one machine.
                values.get("metrics-address"));
    }

    /**
     * The Kafka clusters to read clicks from: {@code --bootstrap-servers} names one cluster's brokers
     * separated by commas, and several clusters (one per region) separated by semicolons.
     */
    public List<String> kafkaClusters() {
        return Arrays.stream(bootstrapServers.split(";")).map(String::trim).filter(cluster -> !cluster.isEmpty()).toList();
    }

    /** A local path made absolute; a URI (hdfs:///…, s3a://…) as it is. */
    private static String checkpointLocation(String value) {
        return value.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? value : Path.of(value).toAbsolutePath().toString();
    }
}
