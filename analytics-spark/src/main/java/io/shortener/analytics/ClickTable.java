package io.shortener.analytics;

import io.shortener.clickhouse.TabSeparatedRows;
import java.util.List;

/**
 * The ClickHouse tables the job writes (clickhouse/schema), each with its columns in the order its rows
 * are written. Rows a replayed batch writes again are identical, and each table's ReplacingMergeTree
 * key collapses them.
 */
enum ClickTable {

    /** Per link per minute, one row per batch that counted clicks in it. */
    TOTALS("link_clicks_minute", "code", "minute", "batch_id", "clicks", "human_clicks"),
    /** The same per referrer, country, device, browser and OS. */
    BREAKDOWNS("link_clicks_minute_by", "code", "dimension", "minute", "value", "batch_id", "clicks", "human_clicks"),
    /** Who clicked a link in a minute, once per visitor. */
    VISITORS("link_visitors_minute", "code", "minute", "human", "visitor_id"),
    /** Every click once. */
    RAW("clicks_raw", "event_id", "code", "time", "region", "instance", "referrer", "country", "device", "browser", "os", "bot",
            "visitor_id", "rule", "variant");

    private final String table;
    private final List<String> columns;

    ClickTable(String table, String... columns) {
        this.table = table;
        this.columns = List.of(columns);
    }

    String table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    static void appendRaw(TabSeparatedRows rows, CountedClick click) {
        rows.number(click.eventId()).text(click.code()).dateTime(click.second()).number(click.region())
                .number(click.instance()).text(click.referrer()).text(click.country()).text(click.device())
                .text(click.browser()).text(click.os()).number(click.bot() ? 1 : 0)
                .text(click.visitorId() == null ? "" : click.visitorId())
                .number(click.rule()).number(click.variant())
                .endRow();
    }
}
