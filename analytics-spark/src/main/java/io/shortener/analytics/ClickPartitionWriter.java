package io.shortener.analytics;

import io.shortener.clickhouse.TabSeparatedRows;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * One partition of a micro-batch, in one pass, wherever Spark runs it: each click into clicks_raw,
 * each visitor into link_visitors_minute, and the partition's counts tallied and handed back to the
 * driver, which writes them once for the whole batch (ClickHouseSink). Raw clicks and visitors need no
 * merging: a row another partition or a replay also writes collapses into one in its table.
 */
final class ClickPartitionWriter implements MapPartitionsFunction<Row, ClickTally> {

    private static final long serialVersionUID = 1L;
    private static final int ROWS_PER_INSERT = 100_000;

    private final ClickHouseTarget target;

    ClickPartitionWriter(ClickHouseTarget target) {
        this.target = target;
    }

    @Override
    public Iterator<ClickTally> call(Iterator<Row> rows) {
        ClickHouseTarget.Connection clickhouse = target.connect();
        ClickTally tally = new ClickTally();
        Set<Visitor> visitors = new HashSet<>();
        TabSeparatedRows raw = new TabSeparatedRows();
        CountedClick.Fields fields = null;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (fields == null) {
                fields = CountedClick.Fields.of(row.schema());
            }
            CountedClick click = fields.read(row);
            tally.add(click);
            if (click.visitorId() != null) {
                visitors.add(new Visitor(click.code(), click.minute(), click.human() ? 1 : 0, click.visitorId()));
            }
            ClickTable.appendRaw(raw, click);
            if (raw.count() == ROWS_PER_INSERT) {
                clickhouse.insert(ClickTable.RAW, raw);
                raw = new TabSeparatedRows();
            }
        }
        clickhouse.insert(ClickTable.RAW, raw);
        TabSeparatedRows visitorRows = new TabSeparatedRows();
        for (Visitor visitor : visitors) {
            visitorRows.text(visitor.code()).dateTime(visitor.minute()).number(visitor.human()).text(visitor.id()).endRow();
        }
        clickhouse.insert(ClickTable.VISITORS, visitorRows);
        return List.of(tally).iterator();
    }

    private record Visitor(String code, long minute, int human, String id) {
    }
}
