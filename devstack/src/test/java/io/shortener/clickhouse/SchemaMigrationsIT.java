package io.shortener.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.devstack.ProjectHome;
import java.time.YearMonth;
import io.shortener.devstack.junit.RealClickHouse;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealClickHouse.class)
@Tag("devstack")
class SchemaMigrationsIT {

    private final ClickHouseMigrations migrations =
            new ClickHouseMigrations(RealClickHouse.SETTINGS.httpUrl(), ProjectHome.locate().clickHouseSchema());

    @Test
    void appliesEveryVersionOnceAndRecordsIt() throws SQLException {
        ClickHouseRows clickhouse = new ClickHouseRows(RealClickHouse.freshDatabase("schema_migrations_it"));

        assertThat(migrations.apply("schema_migrations_it")).as("applied again").isEmpty();
        assertThat(clickhouse.query("SELECT version FROM schema_migrations ORDER BY version"))
                .extracting(row -> Integer.parseInt(row.get(0)))
                .containsExactlyElementsOf(migrations.available().stream().map(ClickHouseMigrations.Migration::version).toList());
    }

    @Test
    void createsTheTablesTheJobWritesAndTheStatsApiReads() throws SQLException {
        ClickHouseRows clickhouse = new ClickHouseRows(RealClickHouse.freshDatabase("schema_tables_it"));

        assertThat(clickhouse.query("SELECT name, engine, partition_key FROM system.tables WHERE database = 'schema_tables_it'"
                + " AND name LIKE 'link_%' ORDER BY name")).containsExactly(
                List.of("link_clicks_minute", "ReplacingMergeTree", "toYYYYMM(minute)"),
                List.of("link_clicks_minute_by", "ReplacingMergeTree", "toYYYYMM(minute)"),
                List.of("link_visitors_minute", "ReplacingMergeTree", "toYYYYMM(minute)"));
        assertThat(clickhouse.query("SELECT engine, partition_key, sorting_key FROM system.tables WHERE database = 'schema_tables_it'"
                + " AND name = 'clicks_raw'")).containsExactly(List.of("ReplacingMergeTree", "toYYYYMM(time)", "code, time, event_id"));
        assertThat(clickhouse.query("SELECT name FROM system.columns WHERE database = 'schema_tables_it' AND table = 'clicks_raw'"
                + " AND (name LIKE '%ip%' OR name LIKE '%address%')")).as("no address column").isEmpty();
    }

    @Test
    void retentionDropsWholeMonthsOlderThanItKeepsAndNothingElse() throws SQLException {
        ClickHouseRows clickhouse = new ClickHouseRows(RealClickHouse.freshDatabase("retention_it"));
        clickhouse.execute("INSERT INTO clicks_raw (event_id, code, time) VALUES (1, 'a', '2026-08-31 23:59:59'),"
                + " (2, 'a', '2026-09-01 00:00:00'), (3, 'a', '2026-10-15 12:00:00'), (4, 'a', '2026-11-28 12:00:00')");
        PartitionRetention retention = new PartitionRetention(new ClickHouseHttp(RealClickHouse.SETTINGS.httpUrl()), "retention_it");

        assertThat(retention.apply("clicks_raw", 3, YearMonth.of(2026, 11))).containsExactly(YearMonth.of(2026, 8));
        assertThat(clickhouse.query("SELECT event_id FROM clicks_raw ORDER BY event_id"))
                .containsExactly(List.of("2"), List.of("3"), List.of("4"));
        assertThat(retention.apply("clicks_raw", 3, YearMonth.of(2026, 11))).as("a second run").isEmpty();
    }
}
