package io.shortener.analytics;

import io.shortener.clickhouse.TabSeparatedRows;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clicks counted per link per minute, in total and per dimension value (referrer, country, device,
 * browser, OS, the region whose service answered the redirect, and the redirect rule and target that
 * served it), as the rows of link_clicks_minute and link_clicks_minute_by. Each partition of a batch
 * tallies its own clicks; the driver merges the partitions' tallies and writes them once, since a batch
 * must write one row per key (a second row with the same key and batch would replace the first).
 * Public only because Spark's encoder of the partitions' results requires it.
 */
public final class ClickTally implements Serializable {

    private static final long serialVersionUID = 1L;

    // Clicks per distinct combination of what the tables break them down by: a batch's clicks repeat
    // the same few combinations, so one map update per click, and the totals and breakdowns are summed
    // from these once, when written.
    private final Map<Combination, Counts> combinations = new HashMap<>();

    void add(CountedClick click) {
        combinations.computeIfAbsent(new Combination(click.code(), click.minute(), click.referrer(), click.country(),
                click.device(), click.browser(), click.os(), click.region(), click.target()), key -> new Counts()).add(1, click.human() ? 1 : 0);
    }

    /** Adds another tally's counts into this one. */
    ClickTally merge(ClickTally other) {
        other.combinations.forEach((key, counts) -> combinations.computeIfAbsent(key, k -> new Counts()).add(counts));
        return this;
    }

    /** The clicks counted in a link's minute, and how many of them were humans': {clicks, human clicks}, zeros if none. */
    long[] total(String code, long minute) {
        Counts counts = totals().getOrDefault(new Minute(code, minute), new Counts());
        return new long[] {counts.clicks, counts.humanClicks};
    }

    /** link_clicks_minute's rows for this batch. */
    TabSeparatedRows totalRows(long batchId) {
        TabSeparatedRows rows = new TabSeparatedRows();
        totals().forEach((key, counts) -> rows.text(key.code()).dateTime(key.minute()).number(batchId)
                .number(counts.clicks).number(counts.humanClicks).endRow());
        return rows;
    }

    /** link_clicks_minute_by's rows for this batch. */
    TabSeparatedRows breakdownRows(long batchId) {
        TabSeparatedRows rows = new TabSeparatedRows();
        breakdowns().forEach((key, counts) -> rows.text(key.code()).text(key.dimension()).dateTime(key.minute()).text(key.value())
                .number(batchId).number(counts.clicks).number(counts.humanClicks).endRow());
        return rows;
    }

    private Map<Minute, Counts> totals() {
        Map<Minute, Counts> totals = new HashMap<>();
        combinations.forEach((key, counts) -> totals.computeIfAbsent(new Minute(key.code(), key.minute()), k -> new Counts()).add(counts));
        return totals;
    }

    private Map<Breakdown, Counts> breakdowns() {
        Map<Breakdown, Counts> breakdowns = new HashMap<>();
        combinations.forEach((key, counts) -> {
            for (Breakdown breakdown : key.breakdowns()) {
                breakdowns.computeIfAbsent(breakdown, k -> new Counts()).add(counts);
            }
        });
        return breakdowns;
    }

    private record Combination(String code, long minute, String referrer, String country, String device, String browser, String os,
                               int region, String target) implements Serializable {

        List<Breakdown> breakdowns() {
            return List.of(new Breakdown(code, "referrer", minute, referrer), new Breakdown(code, "country", minute, country),
                    new Breakdown(code, "device", minute, device), new Breakdown(code, "browser", minute, browser),
                    new Breakdown(code, "os", minute, os), new Breakdown(code, "region", minute, Integer.toString(region)),
                    new Breakdown(code, "target", minute, target));
        }
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

        void add(Counts other) {
            add(other.clicks, other.humanClicks);
        }
    }
}
