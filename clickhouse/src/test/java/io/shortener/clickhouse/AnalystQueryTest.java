package io.shortener.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the query runner lets into SQL: the server (18.16) has no query parameters, so every value is checked. */
class AnalystQueryTest {

    /** Surefire runs in the module's folder. */
    private static final Path QUERIES = Path.of("queries");

    @Test
    void fillsInDatesCodesPatternsAndTheDefaultLimit() {
        String sql = new AnalystQuery(QUERIES, "referrers_by_hour").render(Map.of("code", "spring-%", "from", "2026-11-24",
                "to", "2026-11-25 12:00:00"));

        assertThat(sql).contains("code LIKE 'spring-%'").contains("toDateTime('2026-11-24 00:00:00')")
                .contains("toDateTime('2026-11-25 12:00:00')").contains("LIMIT 10").doesNotContain("{{");
    }

    @Test
    void refusesValuesThatCouldChangeTheSql() {
        AnalystQuery query = new AnalystQuery(QUERIES, "top_referrers");

        assertThatThrownBy(() -> query.render(Map.of("code", "x' OR 1=1 --", "from", "2026-11-24", "to", "2026-11-25")))
                .hasMessageContaining("not a valid code");
        assertThatThrownBy(() -> query.render(Map.of("code", "x", "from", "yesterday", "to", "2026-11-25")))
                .hasMessageContaining("not a valid from");
        assertThatThrownBy(() -> query.render(Map.of("code", "x", "from", "2026-11-24", "to", "2026-11-25", "limit", "1; DROP")))
                .hasMessageContaining("not a valid limit");
        assertThatThrownBy(() -> query.render(Map.of("table", "clicks_raw"))).hasMessageContaining("unknown parameter table");
    }

    @Test
    void saysWhichParameterAQueryStillNeeds() {
        assertThatThrownBy(() -> new AnalystQuery(QUERIES, "top_referrers").render(Map.of("from", "2026-11-24", "to", "2026-11-25")))
                .hasMessageContaining("needs code=");
        assertThatThrownBy(() -> new AnalystQuery(QUERIES, "../secrets")).hasMessageContaining("not a query name");
        assertThatThrownBy(() -> new AnalystQuery(QUERIES, "no_such_query")).hasMessageContaining("no query");
    }
}
