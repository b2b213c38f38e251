package io.shortener.analytics;

import io.shortener.clickhouse.TabSeparatedRows;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Clicks counted per link per minute, in total and per dimension value (referrer, country, device,
 * browser, OS), as the rows of link_clicks_minute and link_clicks_minute_by. Each partition of a batch
 * tallies its own clicks; the driver merges the partitions' tallies and writes them once, since a batch
 * must write one row per key (a second row with the same key and batch would replace the first).
 * Public only because Spark's encoder of the partitions' results requires it.
 */
public final class ClickTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<Minute, Counts> totals = new HashMap<>();
    private final Map<Breakdown, Counts> breakdowns = new HashMap<>();

    void add(CountedClick click) {
        long minute = click.minute();
        boolean human = click.human();
        totals.computeIfAbsent(new Minute(click.code(), minute), key -> new Counts()).add(1, human ? 1 : 0);
        addBreakdown(click, minute, "referrer", click.referrer(), human);
        addBreakdown(click, minute, "country", click.country(), human);
        addBreakdown(click, minute, "device", click.device(), human);
        addBreakdown(click, minute, "browser", click.browser(), human);
        addBreakdown(click, minute, "os", click.os(), human);
    }

    /** Adds another tally's counts into this one. */
    ClickTally merge(ClickTally other) {
        other.totals.forEach((key, counts) -> totals.computeIfAbsent(key, k -> new Counts()).add(counts.clicks, counts.humanClicks));
        other.breakdowns.forEach((key, counts) -> breakdowns.computeIfAbsent(key, k -> new Counts()).add(counts.clicks, counts.humanClicks));
        return this;
    }

    /** The clicks counted in a link's minute, and how many of them were humans': {clicks, human clicks}, zeros if none. */
    long[] total(String code, long minute) {
        Counts counts = totals.getOrDefault(new Minute(code, minute), new Counts());
        return new long[] {counts.clicks, counts.humanClicks};
    }

    /** link_clicks_minute's rows for this batch. */
    TabSeparatedRows totalRows(long batchId) {
        TabSeparatedRows rows = new TabSeparatedRows();
        totals.forEach((key, counts) -> rows.text(key.code()).dateTime(key.minute()).number(batchId)
                .number(counts.clicks).number(counts.humanClicks).endRow());
        return rows;
    }

    /** link_clicks_minute_by's rows for this batch. */
    TabSeparatedRows breakdownRows(long batchId) {
        TabSeparatedRows rows = new TabSeparatedRows();
        breakdowns.forEach((key, counts) -> rows.text(key.code()).text(key.dimension()).dateTime(key.minute()).text(key.value())
                .number(batchId).number(counts.clicks).number(counts.humanClicks).endRow());
        return rows;
    }

    private void addBreakdown(CountedClick click, long minute, String dimension, String value, boolean human) {
        breakdowns.computeIfAbsent(new Breakdown(click.code(), dimension, minute, value), key -> new Counts()).add(1, human ? 1 : 0);
    }

    private record Minute(String code, long minute) implements Serializable {
    }

    private record Breakdown(String code, String dimension, long minute, String value) implements Serializable {
    }

    private static final class Counts implements Serializable {

        private static final long serialVersionUID = 1L;

        private long clicks;
        private long humanClicks;

        void add(long clicks, long humanClicks) {
            this.clicks += clicks;
            this.humanClicks += humanClicks;
        }
    }
}
