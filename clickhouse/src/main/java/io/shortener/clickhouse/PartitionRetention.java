package io.shortener.clickhouse;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops a monthly-partitioned table's partitions older than a number of whole months: dropping a
 * partition is instant and frees its disk at once, where a DELETE would rewrite parts (and 18.16 has
 * no TTL). Every click table is partitioned by {@code toYYYYMM}, so a partition is a month.
 */
public final class PartitionRetention {

    private final ClickHouseHttp clickhouse;
    private final String database;

    public PartitionRetention(ClickHouseHttp clickhouse, String database) {
        this.clickhouse = clickhouse;
        this.database = ClickHouseMigrations.checkedName(database);
    }

    /**
     * Drops the partitions of {@code table} before the month {@code keepMonths - 1} months before
     * {@code now} (keepMonths = 1 keeps only the current month); returns the months dropped.
     */
    public List<YearMonth> apply(String table, int keepMonths, YearMonth now) {
        if (keepMonths < 1) {
            throw new IllegalArgumentException("keep at least the current month (--keep-months 1 or more), not " + keepMonths);
        }
        int oldestKept = yyyymm(now.minusMonths(keepMonths - 1L));
        List<YearMonth> dropped = new ArrayList<>();
        for (List<String> row : clickhouse.rows(database, "SELECT DISTINCT partition FROM system.parts WHERE database = '"
                + database + "' AND table = '" + ClickHouseMigrations.checkedName(table) + "' AND active ORDER BY partition")) {
            int partition = Integer.parseInt(row.get(0).replace("'", ""));
            if (partition < oldestKept) {
                clickhouse.execute(database, "ALTER TABLE " + table + " DROP PARTITION " + partition);
                dropped.add(YearMonth.of(partition / 100, partition % 100));
            }
        }
        return dropped;
    }

    private static int yyyymm(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }
}
