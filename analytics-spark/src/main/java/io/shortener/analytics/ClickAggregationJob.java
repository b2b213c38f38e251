package io.shortener.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.catalyst.util.IntervalUtils;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka topic {@code clicks} → duplicates dropped by event id → per-link per-minute counts → ClickHouse.
 *
 * <p>Exactly once, end to end: Kafka offsets and the de-duplication state live in the checkpoint, and
 * each micro-batch's writes are idempotent (ClickHouseSink), so a job killed at any point and started
 * again neither loses nor double-counts a click.
 */
public final class ClickAggregationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ClickAggregationJob.class);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(5);
    /** The name the event's decoding has in the job's plans. */
    static final String DECODER = "click_event";
    private static final String RECORDS_PER_POLL = "20000";

    private final JobOptions options;

    public ClickAggregationJob(JobOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new ClickAggregationJob(options).run();
        } catch (CheckpointFormat.IncompatibleCheckpoint e) {
            // On standard error alone, as a refused command line is: a log line too printed it twice.
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }

    public void run() throws TimeoutException, IOException {
        SparkSession.Builder builder = sessionSettings(SparkSession.builder())
                .appName("shortener-click-aggregation")
                .config("spark.sql.shuffle.partitions", "2");
        if (options.master() != null) {
            builder.master(options.master())
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
            if (options.master().startsWith("local")) {
                // Driver and executor are one JVM: nothing to time out. With Spark's 120 s, a job paused
                // longer (`bin/shortener analytics pause`, SIGSTOP) took itself for lost when resumed, and exited.
                builder.config("spark.network.timeout", "7d");
            }
        }
        SparkSession spark = builder.getOrCreate();
        new CheckpointFormat(options.checkpoint(), spark.sparkContext().hadoopConfiguration()).claim();
        spark.streams().addListener(new BatchProgressLog());
        if (options.metricsAddress() != null) {
            JobMetrics metrics = new JobMetrics(Clock.systemUTC());
            spark.streams().addListener(metrics);
            metrics.serve(options.metricsAddress());
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true), "stopping"));
        boolean first = true;
        while (true) {
            StreamingQuery query = clicks(spark).writeStream()
                    .queryName("click-aggregation")
                    .foreachBatch(new ClickHouseSink(new ClickHouseTarget(options.clickHouseUrl(), options.clickHouseDatabase())))
                    .option("checkpointLocation", options.checkpoint())
                    .trigger(Trigger.ProcessingTime(options.trigger()))
                    .start();
            if (first && options.readyFile() != null) {
                Files.createDirectories(options.readyFile().getParent());
                Files.writeString(options.readyFile(), query.id() + "\n");
            }
            first = false;
            try {
                query.awaitTermination();
                return;
            } catch (StreamingQueryException e) {
                if (stopping.get() || spark.sparkContext().isStopped()) {
                    // SIGTERM: Spark's shutdown hook stopped the query; starting it again would hold the JVM up.
                    return;
                }
                // Kafka or ClickHouse away: start again from the checkpoint, which makes that safe, as a
                // cluster manager would restart a failed driver (spark-submit --supervise).
                LOG.warn("the query stopped ({}); starting it again from the checkpoint in {} s", e.getMessage().lines().findFirst()
                        .orElse(""), RESTART_DELAY.toSeconds());
                sleep();
            }
        }
    }

    /**
     * What every session that runs the job's queries needs, the tests' included: minutes in UTC, and the
     * state store the de-duplication needs (transformWithState runs on RocksDB only), configured for a small
     * cost per micro-batch.
     */
    static SparkSession.Builder sessionSettings(SparkSession.Builder builder) {
        return builder
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false")
                // RocksDB keeps the de-duplication state (an hour of event ids) off the heap and on disk.
                .config("spark.sql.streaming.stateStore.providerClass",
                        "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider")
                // Each micro-batch records what changed in the state instead of a snapshot of all of it:
                // a batch's commit no longer copies an hour of event ids.
                .config("spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled", "true")
                // Counting the state's rows costs a RocksDB read before every write and delete (half the
                // store's work for a de-duplication); the count is only a metric.
                .config("spark.sql.streaming.stateStore.rocksdb.trackTotalNumberOfRows", "false")
                // Spark's default checkpoint manager goes through Hadoop's FileContext, which resolves links on every
                // rename and existence check; on a local disk, without Hadoop's native library, each resolution
                // spawned a `readlink` process from the job's JVM: ~20 per micro-batch (BENCHMARKS.md). The
                // FileSystem-based manager renames and checks without them.
                .config("spark.sql.streaming.checkpointFileManagerClass",
                        "org.apache.spark.sql.execution.streaming.checkpointing.FileSystemBasedCheckpointFileManager")
                .config("spark.hadoop.fs.file.impl", LocalCheckpointFileSystem.class.getName());
    }

    private static void sleep() {
        try {
            Thread.sleep(RESTART_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to restart the query", e);
        }
    }

    /**
     * The click events, each once. The watermark for dropping duplicates runs on the Kafka record's
     * timestamp (when the service sent it), not on the click's own time: events the service spooled
     * while Kafka was away arrive late by click time, and must not be taken for stale. The window
     * covers a redelivery (a send that timed out, then replayed from the spool) up to dedup-window later.
     */
    Dataset<Row> clicks(SparkSession spark) {
        // One Kafka source per region's cluster, each with its own offsets in the checkpoint; their union is
        // de-duplicated as one stream (event ids carry the region bits, so two regions never share one).
        return deduplicated(options.kafkaClusters().stream()
                .map(bootstrapServers -> spark.readStream()
                        .format("kafka")
                        .option("kafka.bootstrap.servers", bootstrapServers)
                        .option("subscribe", options.topic())
                        .option("startingOffsets", options.startingOffsets())
                        .option("maxOffsetsPerTrigger", options.maxOffsetsPerTrigger())
                        // Spark's reader asks the broker for the partition's earliest and latest offsets after every
                        // poll (two round trips): with Kafka's 500 records per poll that was a tenth of the job's CPU
                        // under load. A poll now returns what one fetch of the partition holds.
                        .option("kafka.max.poll.records", RECORDS_PER_POLL)
                        .load())
                .reduce(Dataset::union).orElseThrow(), options.dedupWindow());
    }

    /**
     * A stream of Kafka records as click events, each once, only those that can be counted. The check
     * comes after the de-duplication on purpose: placed before it, Spark's optimizer pushes each of its
     * conditions below the parsing and parses every event once per condition (five times in all, half
     * of the job's CPU in a profile). The de-duplication is a barrier it does not push through.
     */
    static Dataset<Row> deduplicated(Dataset<Row> records, String dedupWindow) {
        Dataset<Row> events = parsedAll(records).withWatermark("sent", dedupWindow);
        StructType schema = events.schema();
        long windowMs = IntervalUtils.getDuration(IntervalUtils.fromIntervalString(dedupWindow), TimeUnit.MILLISECONDS, 31);
        // Grouped by a column, not by a function of the row: a function would first turn every event into a Row
        // object to find its key. Events without an id share a key no Snowflake id has, and are then skipped.
        return countable(events
                .groupBy(coalesce(col("eventId"), lit(Long.MIN_VALUE)).as("eventIdKey"))
                .as(Encoders.LONG(), Encoders.row(schema))
                .transformWithState(new FirstDeliveries(schema.fieldIndex("sent"), windowMs), TimeMode.EventTime(), OutputMode.Append(),
                        Encoders.row(schema)));
    }

    /**
     * Kafka records ({@code value}, {@code timestamp}) as click events: the contract's fields, and
     * {@code sent}, Kafka's timestamp. An event that is not JSON, or lacks what a count needs, cannot be
     * counted: it is skipped. The value may be bytes (as Kafka gives it) or text.
     */
    static Dataset<Row> parsed(Dataset<Row> records) {
        return countable(parsedAll(records));
    }

    private static Dataset<Row> parsedAll(Dataset<Row> records) {
        UserDefinedFunction clickEvent = udf(new ClickEventDecoder(ClickEventSchema.CURRENT), ClickEventSchema.CURRENT)
                .withName(DECODER);
        return records
                .select(clickEvent.apply(col("value").cast("binary")).as("click"), col("timestamp").as("sent"))
                .select("click.*", "sent");
    }

    private static Dataset<Row> countable(Dataset<Row> events) {
        return events.where(col("eventId").isNotNull().and(col("code").isNotNull()).and(col("timestamp").isNotNull())
                .and(col("bot").isNotNull()));
    }
}
