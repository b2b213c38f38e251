package io.shortener.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboards' shape: what provisioning and the region selector need from each. */
class DashboardsTest {

    private static final Pattern SELECTOR = Pattern.compile("\\b(shortener_[a-z0-9_]+)(\\{[^}]*})?");

    private final MonitoringFiles files = new MonitoringFiles();

    @Test
    void eachDashboardHasItsStableUid() {
        assertThat(files.dashboards()).extracting(dashboard -> dashboard.path("uid").asText())
                .containsExactlyInAnyOrder("shortener-red", "shortener-cache", "shortener-clicks", "shortener-analytics");
    }

    @Test
    void eachDashboardChoosesItsPrometheusAndItsRegions() {
        for (JsonNode dashboard : files.dashboards()) {
            List<JsonNode> variables = dashboard.path("templating").path("list").findParents("name");
            assertThat(variables).as(dashboard.path("uid").asText()).anySatisfy(variable -> {
                assertThat(variable.path("name").asText()).isEqualTo("datasource");
                assertThat(variable.path("type").asText()).isEqualTo("datasource");
                assertThat(variable.path("query").asText()).isEqualTo("prometheus");
            }).anySatisfy(variable -> {
                assertThat(variable.path("name").asText()).isEqualTo("region");
                assertThat(variable.path("definition").asText()).startsWith("label_values(up{job=");
                assertThat(variable.path("includeAll").asBoolean()).isTrue();
            });
        }
    }

    @Test
    void everyPanelQueriesTheChosenPrometheus() {
        for (JsonNode dashboard : files.dashboards()) {
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty()
                        .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
            }
        }
    }

    /** The job counts every region's clicks, so its own metrics are exempt: it is labelled with the region that runs it. */
    @Test
    void everyServiceSeriesIsFilteredByTheChosenRegions() {
        for (MonitoringFiles.PanelQuery query : files.panelQueries()) {
            Matcher matcher = SELECTOR.matcher(query.expr());
            while (matcher.find()) {
                if (matcher.group(1).startsWith("shortener_analytics_") && query.dashboard().equals("shortener-clicks")) {
                    continue;
                }
                assertThat(matcher.group(2)).as(query + ": " + matcher.group(1)).isNotNull().contains("region=~\"$region\"");
            }
        }
    }
}
