package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The analytics-spark job (Kafka → Spark → ClickHouse) in local mode, as a JVM of its own: the same job a
 * Spark cluster would run with spark-submit. Its checkpoint lives in the stack's folder, so a restart
 * carries on where the last run stopped.
 */
public final class AnalyticsJob {

    private static final String MAIN_CLASS = "io.shortener.analytics.ClickAggregationJob";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ProjectHome home;
    private final SparkJobSettings settings;
    private final Path dir;
    private final TrackedProcess process;

    public AnalyticsJob(ProjectHome home, Path stackDir, SparkJobSettings settings) {
        this.home = home;
        this.settings = settings;
        this.dir = stackDir.resolve("analytics");
        this.process = TrackedProcess.jvm("analytics job (" + settings.master() + ")", dir, "job.pid", "job.log", STOP_GRACE);
    }

    public Optional<LocalProcess> running() {
        return process.running();
    }

    /** The running job, or a new one if none runs or it runs a jar older than the one built last (a restart resumes from the checkpoint). */
    public LocalProcess ensureRunning(List<KafkaBrokerSettings> kafka, String topic, ClickHouseSettings clickhouse) {
        return running().filter(job -> jar().upToDate()).orElseGet(() -> start(kafka, topic, clickhouse));
    }

    /**
     * The job's classpath with the project's own jars (the click-event contract, built in this reactor)
     * copied beside the job: a rebuild rewrites them in target/, and a running job must not see that.
     */
    private String runningClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : ForkedJvm.classpath(home.analyticsClasspath()).split(":")) {
            Path path = Path.of(entry);
            boolean ours = path.toAbsolutePath().startsWith(home.root()) && Files.isRegularFile(path);
            entries.add(ours ? new RunningCopy(path, dir.resolve("lib").resolve(path.getFileName())).refresh().toString() : entry);
        }
        return String.join(":", entries);
    }

    private RunningCopy jar() {
        return new RunningCopy(home.analyticsJar(), dir.resolve("analytics-spark.jar"));
    }

    /** Starts the job and waits until its streaming query runs (the first batch follows within seconds). */
    public LocalProcess start(KafkaBrokerSettings kafka, String topic, ClickHouseSettings clickhouse) {
        return start(List.of(kafka), topic, clickhouse);
    }

    /** The job reading the clicks of every region's Kafka, each cluster a source of its own. */
    public LocalProcess start(List<KafkaBrokerSettings> kafka, String topic, ClickHouseSettings clickhouse) {
        stop();
        Path ready = dir.resolve("ready");
        try {
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(ForkedJvm.java(), process.marker(), "-Xms" + settings.heap(),
                "-Xmx" + settings.heap(), "-XX:+UseG1GC", settings.jit().option()));
        // What Spark's own launcher adds on Java 17, as a java argument file shared with Ansible's analytics_spark role.
        command.add("@" + home.analyticsConf().resolve("jvm17.options"));
        command.addAll(List.of(
                "-Dlog4j2.configurationFile=" + home.analyticsConf().resolve("log4j2.properties"),
                "-cp", jar().refresh() + ":" + runningClasspath(),
                MAIN_CLASS,
                "--master", settings.master(),
                "--bootstrap-servers", kafka.stream().map(KafkaBrokerSettings::bootstrapServers).collect(Collectors.joining(";")),
                "--topic", topic,
                "--clickhouse-url", clickhouse.httpUrl(),
                "--clickhouse-database", clickhouse.database(),
                "--checkpoint", checkpoint().toString(),
                "--trigger", settings.trigger(),
                "--dedup-window", settings.dedupWindow(),
                "--ready-file", ready.toString()));
        if (settings.metricsAddress() != null) {
            command.addAll(List.of("--metrics-address", settings.metricsAddress()));
        }
        LocalProcess started = process.start(command, Map.of(), settings.cpu());
        started.awaitReady("its streaming query running", START_TIMEOUT, () -> Files.exists(ready));
        return started;
    }

    public boolean stop() {
        return process.stop();
    }

    /** Stops the job and forgets what it read: the next start reads the topic from the beginning. */
    public void wipe() {
        process.wipe();
    }

    public Path checkpoint() {
        return dir.resolve("checkpoint");
    }

    /** What the job's checkpoint says it has counted ({@link JobCheckpoint}). */
    public JobCheckpoint progress() {
        return new JobCheckpoint(checkpoint());
    }
}
