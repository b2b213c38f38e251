package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClickTallyTest {

    private static final long MINUTE = 1_764_000_000L;

    @Test
    void countsClicksAndHumanClicksPerLinkPerMinute() {
        ClickTally tally = new ClickTally();
        tally.add(click("a", MINUTE * 1000, false));
        tally.add(click("a", MINUTE * 1000 + 59_999, true));
        tally.add(click("a", MINUTE * 1000 + 60_000, false));
        tally.add(click("b", MINUTE * 1000, false));

        assertThat(tally.total("a", MINUTE)).containsExactly(2, 1);
        assertThat(tally.total("a", MINUTE + 60)).containsExactly(1, 1);
        assertThat(tally.total("b", MINUTE)).containsExactly(1, 1);
        assertThat(tally.total("c", MINUTE)).containsExactly(0, 0);
    }

    @Test
    void mergingTwoPartitionsTalliesAddsTheirCountsUnderOneKey() {
        ClickTally first = new ClickTally();
        first.add(click("a", MINUTE * 1000, false));
        ClickTally second = new ClickTally();
        second.add(click("a", MINUTE * 1000 + 5, true));
        second.add(click("a", MINUTE * 1000 + 6, false));

        ClickTally merged = new ClickTally().merge(first).merge(second);

        assertThat(merged.total("a", MINUTE)).containsExactly(3, 2);
        assertThat(text(merged.totalRows(9))).isEqualTo("a\t2025-11-24 16:00:00\t9\t3\t2\n");
    }

    @Test
    void breaksEachClickDownByReferrerCountryDeviceBrowserOsRegionAndTargetWithTheTablesDefaults() {
        ClickTally tally = new ClickTally();
        tally.add(new CountedClick(1, "a", MINUTE * 1000, 1, 0, null, null, null, null, null, false, null, 0, 0));

        assertThat(text(tally.breakdownRows(3)).lines().sorted()).containsExactly(
                "a\tbrowser\t2025-11-24 16:00:00\tOther\t3\t1\t1",
                "a\tcountry\t2025-11-24 16:00:00\t\t3\t1\t1",
                "a\tdevice\t2025-11-24 16:00:00\tother\t3\t1\t1",
                "a\tos\t2025-11-24 16:00:00\tOther\t3\t1\t1",
                "a\treferrer\t2025-11-24 16:00:00\t\t3\t1\t1",
                "a\tregion\t2025-11-24 16:00:00\t1\t3\t1\t1",
                "a\ttarget\t2025-11-24 16:00:00\t0.0\t3\t1\t1");
    }

    @Test
    void countsEachRuleAndVariantOfALinkApart() {
        ClickTally tally = new ClickTally();
        tally.add(new CountedClick(1, "a", MINUTE * 1000, 0, 0, null, null, null, null, null, false, null, 2, 1));
        tally.add(new CountedClick(2, "a", MINUTE * 1000, 0, 0, null, null, null, null, null, true, null, 2, 1));
        tally.add(new CountedClick(3, "a", MINUTE * 1000, 0, 0, null, null, null, null, null, false, null, 2, 2));
        tally.add(new CountedClick(4, "a", MINUTE * 1000, 0, 0, null, null, null, null, null, false, null, 0, 0));

        assertThat(text(tally.breakdownRows(3)).lines().filter(row -> row.contains("\ttarget\t")).sorted()).containsExactly(
                "a\ttarget\t2025-11-24 16:00:00\t0.0\t3\t1\t1",
                "a\ttarget\t2025-11-24 16:00:00\t2.1\t3\t2\t1",
                "a\ttarget\t2025-11-24 16:00:00\t2.2\t3\t1\t1");
    }

    @Test
    void aClickBeforeTheEpochFallsInTheMinuteThatContainsIt() {
        assertThat(click("a", -1, false).minute()).isEqualTo(-60);
    }

    private static CountedClick click(String code, long timestampMillis, boolean bot) {
        return new CountedClick(timestampMillis, code, timestampMillis, 0, 0, "news.example", "DE", bot ? "bot" : "desktop",
                "Chrome", "Linux", bot, "v", 0, 0);
    }

    private static String text(io.shortener.clickhouse.TabSeparatedRows rows) {
        return new String(rows.bytes(), StandardCharsets.UTF_8);
    }
}
