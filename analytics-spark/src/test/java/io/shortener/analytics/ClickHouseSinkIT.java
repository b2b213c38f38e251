package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.devstack.junit.RealClickHouse;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The job's foreachBatch against a real ClickHouse, with Spark in this JVM: what a replayed batch does. */
@ExtendWith(RealClickHouse.class)
@Tag("analytics")
class ClickHouseSinkIT {

    private static SparkSession spark;
    private static ClickCounts clickhouse;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("sink-it", 2);
        RealClickHouse.freshDatabase("sink_it");
        clickhouse = new ClickCounts(RealClickHouse.SETTINGS.withDatabase("sink_it"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aBatchWrittenAgainWithTheSameIdChangesNothing() throws Exception {
        Dataset<Row> batch = clicks(Clicks.of("replayed", 1_764_000_000_000L, 30));
        ClickHouseSink sink = sink();

        sink.call(batch, 7L);
        sink.call(batch, 7L);

        assertThat(clickhouse.totals("replayed")).isEqualTo(new ClickCounts.Totals(30, Clicks.humans(30)));
        assertThat(clickhouse.breakdownClicks("replayed", "referrer", "news.example")).isEqualTo(15);
        assertThat(clickhouse.breakdownClicks("replayed", "referrer", "")).isEqualTo(15);
        assertThat(clickhouse.breakdownClicks("replayed", "device", "bot")).isEqualTo(10);
        assertThat(clickhouse.uniqueHumans("replayed")).isEqualTo(5);
        assertThat(clickhouse.number("SELECT count() FROM clicks_raw FINAL WHERE code = 'replayed'")).as("raw clicks").isEqualTo(30);
        assertThat(clickhouse.number("SELECT uniqExact(event_id) FROM clicks_raw WHERE code = 'replayed'")).isEqualTo(30);
        assertThat(clickhouse.number("SELECT count() FROM clicks_raw FINAL WHERE code = 'replayed' AND bot = 1 AND device = 'bot'"
                + " AND browser = 'Googlebot'")).isEqualTo(10);
    }

    @Test
    void theNextBatchAddsItsClicksToTheSameMinute() throws Exception {
        ClickHouseSink sink = sink();

        sink.call(clicks(Clicks.of("added", 1_764_000_000_000L, 6)), 1L);
        sink.call(clicks(Clicks.of("added", 1_764_000_000_100L, 9)), 2L);

        assertThat(clickhouse.totals("added")).isEqualTo(new ClickCounts.Totals(15, Clicks.humans(6) + Clicks.humans(9)));
        assertThat(clickhouse.number("SELECT count() FROM (SELECT DISTINCT minute FROM link_clicks_minute WHERE code = 'added')"))
                .as("one minute").isEqualTo(1);
    }

    @Test
    void clicksAreCountedInTheMinuteTheyHappenedInUtc() throws Exception {
        sink().call(clicks(Clicks.of("minutes", 1_764_000_059_990L, 20)), 1L);

        assertThat(clickhouse.number("SELECT sum(clicks) FROM link_clicks_minute FINAL WHERE code = 'minutes'"
                + " AND minute = toDateTime('2025-11-24 16:00:00')")).isEqualTo(10);
        assertThat(clickhouse.number("SELECT sum(clicks) FROM link_clicks_minute FINAL WHERE code = 'minutes'"
                + " AND minute = toDateTime('2025-11-24 16:01:00')")).isEqualTo(10);
    }

    private static ClickHouseSink sink() {
        return new ClickHouseSink(new ClickHouseTarget(RealClickHouse.SETTINGS.httpUrl(), "sink_it"));
    }

    private static Dataset<Row> clicks(List<String> json) {
        List<String> lines = new ArrayList<>(json);
        return spark.read().schema(ClickEventSchema.CURRENT).json(spark.createDataset(lines, Encoders.STRING()));
    }
}
