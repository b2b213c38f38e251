package io.shortener.analytics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import ru.yandex.clickhouse.ClickHouseDriver;

/** What ClickHouse holds for a link, read the way the analyst's queries read it (FINAL, then sums). */
final class ClickCounts {

    record Totals(long clicks, long humanClicks) {
    }

    private final String jdbcUrl;

    ClickCounts(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    Totals totals(String code) throws SQLException {
        return new Totals(
                number("SELECT sum(clicks) FROM link_clicks_minute FINAL WHERE code = '" + code + "'"),
                number("SELECT sum(human_clicks) FROM link_clicks_minute FINAL WHERE code = '" + code + "'"));
    }

    long breakdownClicks(String code, String dimension, String value) throws SQLException {
        return number("SELECT sum(clicks) FROM link_clicks_minute_by FINAL WHERE code = '" + code + "' AND dimension = '"
                + dimension + "' AND value = '" + value + "'");
    }

    long uniqueHumans(String code) throws SQLException {
        return number("SELECT uniqExact(visitor_id) FROM link_visitors_minute WHERE human = 1 AND code = '" + code + "'");
    }

    /** Polls until the link's total reaches {@code expected} or the time is up; returns the last totals seen. */
    Totals awaitClicks(String code, long expected, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Totals totals = totals(code);
        while (totals.clicks() < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            totals = totals(code);
        }
        return totals;
    }

    long number(String sql) throws SQLException {
        try (Connection connection = new ClickHouseDriver().connect(jdbcUrl, new Properties());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
