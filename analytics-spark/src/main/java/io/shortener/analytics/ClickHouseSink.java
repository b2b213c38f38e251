package io.shortener.analytics;

import java.util.List;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream's foreachBatch: counts a micro-batch's clicks and writes the counts, and each click, to ClickHouse. Writing
 * a batch twice (Spark replays the last batch after a crash, with the same id and the same clicks)
 * writes identical rows, which the tables' ReplacingMergeTree keys collapse: a replay changes nothing.
 */
final class ClickHouseSink implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSink.class);

    private final String jdbcUrl;

    ClickHouseSink(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public void call(Dataset<Row> clicks, Long batchId) {
        long started = System.nanoTime();
        // Three aggregations and the raw rows read the batch: read it from Kafka once.
        clicks.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            MinuteCounts counts = new MinuteCounts(clicks);
            // Totals last: a reader that sees a batch's clicks in the totals sees its breakdowns and visitors too.
            counts.breakdowns(batchId).foreachPartition(new ClickHouseInsert(jdbcUrl, "link_clicks_minute_by",
                    List.of("code", "dimension", "minute", "value", "batch_id", "clicks", "human_clicks")));
            counts.visitors().foreachPartition(new ClickHouseInsert(jdbcUrl, "link_visitors_minute",
                    List.of("code", "minute", "human", "visitor_id")));
            RawClickRows.of(clicks).foreachPartition(new ClickHouseInsert(jdbcUrl, RawClickRows.TABLE, RawClickRows.COLUMNS));
            counts.totals(batchId).foreachPartition(new ClickHouseInsert(jdbcUrl, "link_clicks_minute",
                    List.of("code", "minute", "batch_id", "clicks", "human_clicks")));
            LOG.info("batch {} written to ClickHouse in {} ms", batchId, (System.nanoTime() - started) / 1_000_000);
        } finally {
            clicks.unpersist();
        }
    }
}
