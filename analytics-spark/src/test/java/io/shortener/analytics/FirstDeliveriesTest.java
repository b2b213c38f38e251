package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.clickevent.ClickEvent;
import io.shortener.clickevent.ClickEventJson;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The job's de-duplication, micro-batch by micro-batch, on Kafka-shaped records whose timestamps the
 * test sets: a redelivery within the window is dropped, in the same batch or a later one, and an id is
 * forgotten once the watermark has passed its window (the state does not grow without bound).
 */
class FirstDeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

    private static SparkSession spark;

    @TempDir
    Path checkpoint;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("first-deliveries", 1);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void passesEachEventOnceWithinTheWindowAndForgetsItAfterwards() throws Exception {
        MemoryStream<Tuple2<String, Timestamp>> kafka = MemoryStream.apply(Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP()),
                spark);
        Dataset<Row> records = kafka.toDF().selectExpr("_1 as value", "_2 as timestamp");
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        VoidFunction2<Dataset<Row>, Long> collect = (batch, id) -> {
            List<Long> ids = batch.select("eventId").as(Encoders.LONG()).collectAsList().stream().sorted().toList();
            if (!ids.isEmpty()) {
                batches.add(ids);
            }
        };
        StreamingQuery query = ClickAggregationJob.deduplicated(records, "1 hour").writeStream()
                .foreachBatch(collect).option("checkpointLocation", checkpoint.toString()).start();
        try {
            deliver(kafka, query, Duration.ZERO, 1, 2, 1);
            deliver(kafka, query, Duration.ofMinutes(10), 1, 3);
            // Moves the watermark (an hour behind the newest timestamp) past the windows of 1 and 2, not of 3.
            deliver(kafka, query, Duration.ofMinutes(121), 4);
            deliver(kafka, query, Duration.ofMinutes(122), 1, 3);
        } finally {
            query.stop();
        }

        assertThat(batches).containsExactly(
                List.of(1L, 2L),
                List.of(3L),
                List.of(4L),
                List.of(1L));
        // The state and offsets above went to a local checkpoint the way the job writes one: through its own local
        // file system (no chmod process per file), which the job's session settings name.
        assertThat(FileSystem.get(checkpoint.toUri(), spark.sparkContext().hadoopConfiguration()))
                .isInstanceOf(LocalCheckpointFileSystem.class);
        assertThat(checkpoint.resolve("commits/3")).exists();
    }

    /** Records of the events with these ids, as Kafka would hand them over at T0 plus {@code after}. */
    private static void deliver(MemoryStream<Tuple2<String, Timestamp>> kafka, StreamingQuery query, Duration after, long... ids) {
        Timestamp sent = Timestamp.from(T0.plus(after));
        List<Tuple2<String, Timestamp>> records = new ArrayList<>();
        for (long id : ids) {
            records.add(new Tuple2<>(ClickEventJson.write(new ClickEvent(ClickEvent.SCHEMA_VERSION, id, "abc", sent.getTime(), 0, 0,
                    null, "desktop", "Chrome", "Linux", false, null, "f0c9ac01045be47a5f252d76f11156f8", 0, 0)), sent));
        }
        kafka.addData(CollectionConverters.asScala(records).toSeq());
        query.processAllAvailable();
    }
}
