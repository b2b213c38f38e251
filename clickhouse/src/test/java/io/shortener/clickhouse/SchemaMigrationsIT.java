package io.shortener.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.devstack.ClickHouseMigrations;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.junit.RealClickHouse;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealClickHouse.class)
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
    }
}
