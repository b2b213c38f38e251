package io.shortener.analytics;

import java.util.List;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The stream's foreachBatch: writes a micro-batch's clicks, its visitors and its counts to ClickHouse,
 * reading the batch once (one Spark job: the partitions write the raw clicks and visitors and tally
 * their counts, the driver merges the tallies and writes them). Writing a batch twice (Spark replays the
 * last batch after a crash, with the same id and the same clicks) writes identical rows, which the
 * tables' ReplacingMergeTree keys collapse: a replay changes nothing.
 */
final class ClickHouseSink implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;

    private final ClickHouseTarget target;

    ClickHouseSink(ClickHouseTarget target) {
        this.target = target;
    }

    @Override
    public void call(Dataset<Row> clicks, Long batchId) {
        List<ClickTally> partitions = clicks.mapPartitions(new ClickPartitionWriter(target),
                Encoders.javaSerialization(ClickTally.class)).collectAsList();
        ClickTally tally = partitions.stream().reduce(new ClickTally(), ClickTally::merge);
        ClickHouseTarget.Connection clickhouse = target.connect();
        // Totals last: a reader that sees a batch's clicks in the totals sees its breakdowns, visitors and raw clicks too.
        clickhouse.insert(ClickTable.BREAKDOWNS, tally.breakdownRows(batchId));
        clickhouse.insert(ClickTable.TOTALS, tally.totalRows(batchId));
    }
}
