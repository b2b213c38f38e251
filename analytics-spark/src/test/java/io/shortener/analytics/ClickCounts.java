package io.shortener.analytics;

import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.devstack.ClickHouseSettings;
import java.time.Duration;
import java.util.List;

/** What ClickHouse holds for a link, read the way the analyst's queries read it (FINAL, then sums). */
final class ClickCounts {

    record Totals(long clicks, long humanClicks) {
    }

    private final ClickHouseHttp clickhouse;
    private final String database;

    ClickCounts(ClickHouseSettings settings) {
        this.clickhouse = new ClickHouseHttp(settings.httpUrl());
        this.database = settings.database();
    }

    Totals totals(String code) {
        return new Totals(
                number("SELECT sum(clicks) FROM link_clicks_minute FINAL WHERE code = '" + code + "'"),
                number("SELECT sum(human_clicks) FROM link_clicks_minute FINAL WHERE code = '" + code + "'"));
    }

    long breakdownClicks(String code, String dimension, String value) {
        return number("SELECT sum(clicks) FROM link_clicks_minute_by FINAL WHERE code = '" + code + "' AND dimension = '"
                + dimension + "' AND value = '" + value + "'");
    }

    long uniqueHumans(String code) {
        return number("SELECT uniqExact(visitor_id) FROM link_visitors_minute WHERE human = 1 AND code = '" + code + "'");
    }

    /** Polls until the link's total reaches {@code expected} or the time is up; returns the last totals seen. */
    Totals awaitClicks(String code, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Totals totals = totals(code);
        while (totals.clicks() < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            totals = totals(code);
        }
        return totals;
    }

    long number(String sql) {
        List<List<String>> rows = clickhouse.rows(database, sql);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0));
    }
}
