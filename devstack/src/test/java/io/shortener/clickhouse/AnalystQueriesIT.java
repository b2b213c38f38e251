package io.shortener.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.junit.RealClickHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every query in clickhouse/queries, run against a real ClickHouse holding counts as analytics-spark
 * writes them, including a micro-batch written twice (what a replay after a crash does).
 */
@ExtendWith(RealClickHouse.class)
@Tag("devstack")
class AnalystQueriesIT {

    private static final Path QUERIES = ProjectHome.locate().clickHouseQueries();
    private static final Map<String, String> NOV_24 = Map.of("from", "2026-11-24", "to", "2026-11-25");
    private static ClickHouseRows clickhouse;

    @BeforeAll
    static void clicksAsTheJobWritesThem() throws SQLException {
        clickhouse = new ClickHouseRows(RealClickHouse.freshDatabase("analyst_queries_it"));
        // Link abc: batch 1 (written twice: a replay), batch 2, and a bot in batch 3; link xyz: batch 2.
        for (int copy = 0; copy < 2; copy++) {
            clickhouse.execute("INSERT INTO link_clicks_minute VALUES ('abc', '2026-11-24 10:01:00', 1, 3, 2)");
            clickhouse.execute("INSERT INTO link_clicks_minute_by VALUES "
                    + "('abc', 'referrer', '2026-11-24 10:01:00', 'news.example', 1, 2, 1),"
                    + "('abc', 'referrer', '2026-11-24 10:01:00', '', 1, 1, 1),"
                    + "('abc', 'country', '2026-11-24 10:01:00', 'DE', 1, 3, 2),"
                    + "('abc', 'device', '2026-11-24 10:01:00', 'desktop', 1, 2, 1),"
                    + "('abc', 'device', '2026-11-24 10:01:00', 'mobile', 1, 1, 1)");
            clickhouse.execute("INSERT INTO link_visitors_minute VALUES ('abc', '2026-11-24 10:01:00', 1, 'v1'),"
                    + " ('abc', '2026-11-24 10:01:00', 1, 'v2')");
        }
        clickhouse.execute("INSERT INTO link_clicks_minute VALUES ('abc', '2026-11-24 10:59:00', 2, 2, 2),"
                + " ('xyz', '2026-11-24 10:30:00', 2, 10, 4), ('abc', '2026-11-24 11:05:00', 3, 1, 0),"
                + " ('abc', '2026-11-25 09:00:00', 4, 1, 1)");
        clickhouse.execute("INSERT INTO link_clicks_minute_by VALUES "
                + "('abc', 'referrer', '2026-11-24 10:59:00', '', 2, 2, 2),"
                + "('abc', 'referrer', '2026-11-24 11:05:00', '', 3, 1, 0),"
                + "('abc', 'country', '2026-11-24 10:59:00', 'FR', 2, 2, 2),"
                + "('abc', 'country', '2026-11-24 11:05:00', '', 3, 1, 0),"
                + "('abc', 'device', '2026-11-24 10:59:00', 'desktop', 2, 2, 2),"
                + "('abc', 'device', '2026-11-24 11:05:00', 'bot', 3, 1, 0)");
        clickhouse.execute("INSERT INTO link_visitors_minute VALUES ('abc', '2026-11-24 10:59:00', 1, 'v1'),"
                + " ('abc', '2026-11-24 11:05:00', 0, 'crawler'), ('abc', '2026-11-25 09:00:00', 1, 'v1-next-day')");
        // Raw clicks of a campaign (spring-a, spring-b) and another link; event 1 written twice (a replayed batch).
        // spring-b's clicks were served by its first rule, a split: event 3 and a bot by variant 1, event 4 by variant 2.
        for (int copy = 0; copy < 2; copy++) {
            clickhouse.execute("INSERT INTO clicks_raw VALUES (1, 'spring-a', '2026-11-24 10:05:00', 0, 0, 'news.example', 'DE',"
                    + " 'mobile', 'Mobile Safari', 'iOS', 0, 'v1', 0, 0)");
        }
        clickhouse.execute("INSERT INTO clicks_raw VALUES"
                + " (2, 'spring-a', '2026-11-24 10:40:00', 0, 0, '', 'DE', 'mobile', 'Chrome Mobile', 'Android', 0, 'v2', 0, 0),"
                + " (3, 'spring-b', '2026-11-24 11:10:00', 0, 1, 'news.example', 'DE', 'desktop', 'Chrome', 'Windows', 0, 'v3', 1, 1),"
                + " (4, 'spring-b', '2026-11-24 11:20:00', 0, 1, 'mail.example', 'FR', 'mobile', 'Mobile Safari', 'iOS', 0, 'v4', 1, 2),"
                + " (5, 'spring-b', '2026-11-24 11:30:00', 0, 1, 'news.example', 'DE', 'bot', 'Googlebot', 'Other', 1, 'b1', 1, 1),"
                + " (6, 'other', '2026-11-24 12:00:00', 0, 0, '', '', 'mobile', 'Chrome Mobile', 'Android', 0, 'v5', 0, 0),"
                + " (7, 'spring-a', '2026-11-25 00:00:00', 0, 0, '', 'DE', 'mobile', 'Chrome Mobile', 'Android', 0, 'v6', 0, 0),"
                // A click answered in region 1, the day before every other query's window.
                + " (8, 'spring-a', '2026-11-23 08:00:00', 1, 3, '', 'IE', 'desktop', 'Firefox', 'Linux', 0, 'v7', 0, 0)");
    }

    @Test
    void countryByDeviceCrossesTwoDimensionsOfHumanClicksCountingAReplayedEventOnce() throws SQLException {
        assertThat(run("country_by_device", Map.of("code", "%", "from", "2026-11-24", "to", "2026-11-25"))).containsExactly(
                List.of("DE", "mobile", "2", "2"),
                List.of("(unknown)", "mobile", "1", "1"),
                List.of("DE", "desktop", "1", "1"),
                List.of("FR", "mobile", "1", "1"));
        assertThat(run("country_by_device", Map.of("code", "spring-b", "from", "2026-11-24", "to", "2026-11-25")))
                .containsExactly(List.of("DE", "desktop", "1", "1"), List.of("FR", "mobile", "1", "1"));
    }

    @Test
    void referrersByHourFollowACampaignAcrossItsLinksHourByHour() throws SQLException {
        assertThat(run("referrers_by_hour", Map.of("code", "spring-%", "from", "2026-11-24", "to", "2026-11-25"))).containsExactly(
                List.of("2026-11-24 10:00:00", "(direct)", "1"),
                List.of("2026-11-24 10:00:00", "news.example", "1"),
                List.of("2026-11-24 11:00:00", "mail.example", "1"),
                List.of("2026-11-24 11:00:00", "news.example", "1"));
    }

    @Test
    void clicksOverTimeCountsEachHourAndAReplayedBatchOnce() throws SQLException {
        assertThat(run("clicks_over_time", Map.of("code", "abc", "from", "2026-11-24", "to", "2026-11-25"))).containsExactly(
                List.of("2026-11-24 10:00:00", "5", "4"),
                List.of("2026-11-24 11:00:00", "1", "0"));
    }

    @Test
    void topLinksRankLinksByHumanClicks() throws SQLException {
        assertThat(run("top_links", Map.of("from", "2026-11-24", "to", "2026-11-26", "limit", "5"))).containsExactly(
                List.of("abc", "5", "7"),
                List.of("xyz", "4", "10"));
    }

    @Test
    void topReferrersNameDirectTrafficAndLeaveBotsOut() throws SQLException {
        assertThat(run("top_referrers", withCode("abc"))).containsExactly(
                List.of("(direct)", "3"),
                List.of("news.example", "1"));
    }

    @Test
    void topCountriesCountHumansPerCountry() throws SQLException {
        assertThat(run("top_countries", withCode("abc"))).containsExactly(
                List.of("DE", "2"),
                List.of("FR", "2"));
    }

    @Test
    void devicesShowEachClassAndItsShare() throws SQLException {
        assertThat(run("devices", withCode("abc"))).containsExactly(
                List.of("desktop", "4", "0.6667"),
                List.of("bot", "1", "0.1667"),
                List.of("mobile", "1", "0.1667"));
    }

    @Test
    void uniqueVisitorsCountAHumanVisitorOncePerDay() throws SQLException {
        assertThat(run("unique_visitors", Map.of("code", "abc", "from", "2026-11-24", "to", "2026-11-26"))).containsExactly(
                List.of("2026-11-24", "2"),
                List.of("2026-11-25", "1"));
    }

    @Test
    void botShareIsTheShareOfEachLinksClicksFromBots() throws SQLException {
        assertThat(run("bot_share", NOV_24)).containsExactly(
                List.of("xyz", "10", "6", "0.6"),
                List.of("abc", "6", "2", "0.3333"));
    }

    @Test
    void clicksByRegionSplitTheTrafficByTheRegionThatAnsweredCountingAReplayedEventOnce() throws SQLException {
        assertThat(run("clicks_by_region", Map.of("code", "%", "from", "2026-11-23", "to", "2026-11-25"))).containsExactly(
                List.of("0", "6", "5"),
                List.of("1", "1", "1"));
        assertThat(run("clicks_by_region", Map.of("code", "spring-b", "from", "2026-11-23", "to", "2026-11-25")))
                .containsExactly(List.of("0", "3", "2"));
    }

    @Test
    void clicksByVariantCountEachRuleAndSplitTargetWithItsPeopleApart() throws SQLException {
        assertThat(run("clicks_by_variant", Map.of("code", "spring-%", "from", "2026-11-23", "to", "2026-11-25"))).containsExactly(
                List.of("spring-a", "0", "0", "3", "3", "3"),
                List.of("spring-b", "1", "1", "2", "1", "1"),
                List.of("spring-b", "1", "2", "1", "1", "1"));
    }

    @Test
    void everyQueryInTheFolderIsCoveredHere() throws Exception {
        try (Stream<Path> files = Files.list(QUERIES)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "clicks_over_time.sql", "top_links.sql", "top_referrers.sql", "top_countries.sql", "devices.sql",
                    "unique_visitors.sql", "bot_share.sql", "country_by_device.sql", "referrers_by_hour.sql", "clicks_by_region.sql",
                    "clicks_by_variant.sql");
        }
    }

    private static Map<String, String> withCode(String code) {
        return Map.of("code", code, "from", NOV_24.get("from"), "to", NOV_24.get("to"));
    }

    private static List<List<String>> run(String query, Map<String, String> parameters) throws SQLException {
        return clickhouse.query(new AnalystQuery(QUERIES, query).render(parameters));
    }
}
