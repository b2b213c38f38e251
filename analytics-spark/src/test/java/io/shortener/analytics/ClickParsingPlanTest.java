package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.clickevent.ClickEvent;
import io.shortener.clickevent.ClickEventJson;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.runtime.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/**
 * What the job's micro-batches execute: each event's JSON decoded once. A profile found it parsed five
 * times (the validity check pushed below the parsing, once per condition), half of the job's CPU.
 */
class ClickParsingPlanTest {

    private static SparkSession spark;

    @TempDir
    Path checkpoint;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("parsing-plan", 1);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aMicroBatchParsesEachEventOnceAndStillSkipsWhatCannotBeCounted() throws Exception {
        String event = ClickEventJson.write(new ClickEvent(ClickEvent.SCHEMA_VERSION, 42L, "abc", 1_700_000_000_000L, 0, 0,
                null, "desktop", "Chrome", "Windows", false, null, "f0c9ac01045be47a5f252d76f11156f8", 0, 0));
        // The rate source's value n becomes event 42 for even n and a record without a code for odd n.
        Dataset<Row> records = spark.readStream().format("rate").option("rowsPerSecond", 50).load()
                .selectExpr("if(value % 2 = 0, '" + event.replace("'", "\\'") + "', '{\"eventId\": 7}') as value", "timestamp");
        List<Long> counted = new CopyOnWriteArrayList<>();
        List<String> plans = new CopyOnWriteArrayList<>();
        AtomicReference<StreamingQuery> running = new AtomicReference<>();
        VoidFunction2<Dataset<Row>, Long> capture = (batch, id) -> {
            long count = batch.count();
            counted.add(count);
            if (count > 0) {
                // The physical plan of this micro-batch, as the query runs it.
                plans.add(((StreamingQueryWrapper) running.get()).explainInternal(false));
            }
        };
        StreamingQuery query = ClickAggregationJob.deduplicated(records, "1 hour").writeStream()
                .foreachBatch(capture).option("checkpointLocation", checkpoint.toString()).start();
        running.set(query);
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (counted.stream().mapToLong(Long::longValue).sum() == 0 && System.nanoTime() < deadline) {
                query.processAllAvailable();
            }
        } finally {
            query.stop();
        }

        assertThat(counted.stream().mapToLong(Long::longValue).sum()).as("the one countable event, once").isEqualTo(1);
        String plan = plans.get(0);
        assertThat(plan).contains("TransformWithState");
        assertThat(occurrences(plan, ClickAggregationJob.DECODER + "(")).as(plan).isEqualTo(1);
    }

    private static int occurrences(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
