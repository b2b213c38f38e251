package io.shortener.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shortener.devstack.CassandraNodeSettings;
import io.shortener.devstack.ClickHouseSettings;
import io.shortener.devstack.Devstack;
import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.Ports;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.PrometheusServer;
import io.shortener.devstack.RedisClusterSettings;
import io.shortener.devstack.ServiceSettings;
import io.shortener.devstack.SparkJobSettings;
import io.shortener.devstack.StackDefinition;
import io.shortener.devstack.StackSecrets;
import io.shortener.devstack.junit.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * `bin/shortener up --monitoring` on a stack of its own (127.0.0.17; the packaged service on free ports):
 * a real Prometheus with the repo's prometheus.yml and alerts.yml scrapes the service and the analytics job,
 * some traffic goes through, and then every panel of every dashboard and every alert rule is run through
 * Prometheus' API. Stopping the job at the end is the rules' positive control: its alert goes pending.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("monitoring")
class MonitoringIT {

    private static final String ADDRESS = "127.0.0.17";
    private static final int LINKS = 3;
    private static final int REDIRECTS_EACH = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private final ProjectHome home = ProjectHome.locate();
    private final StackDefinition stack = StackDefinition.singleRegion("monitoring",
            CassandraNodeSettings.single("shortener-monitoring", "node1", ADDRESS, 17499, true),
            RedisClusterSettings.threeByTwo("monitoring", ADDRESS, 16379),
            KafkaBrokerSettings.single("monitoring", ADDRESS),
            ClickHouseSettings.on(ADDRESS),
            SparkJobSettings.test().withMetricsOn(ADDRESS),
            new ServiceSettings("127.0.0.1", Ports.free(), Ports.free()));
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Devstack devstack = new Devstack(home, stack, new PrintStream(output, true, StandardCharsets.UTF_8));
    private final PrometheusApi prometheus = new PrometheusApi("http://" + ADDRESS + ":" + PrometheusServer.PORT);
    private final MonitoringFiles files = new MonitoringFiles();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String region = stack.region().name();

    @BeforeAll
    void up() {
        devstack.wipe();
        devstack.up(true);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("prometheus " + prometheus().url());
    }

    @AfterAll
    void down() {
        devstack.wipe();
    }

    private PrometheusServer prometheus() {
        return devstack.prometheus();
    }

    @Test
    @Order(1)
    void theServiceExposesPrometheusTextWithHistogramsAndCounters() throws Exception {
        HttpResponse<String> metrics = get(stack.region().service().prometheusUrl());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("# TYPE shortener_http_request_duration_seconds histogram")
                .contains("shortener_http_request_duration_seconds_bucket{route=\"redirect\",status_class=\"3xx\",le=\"0.005\",}")
                .contains("# TYPE shortener_cache_requests_total counter")
                .contains("# TYPE shortener_clicks_sent_total counter")
                .contains("# TYPE shortener_cassandra_connected_nodes gauge")
                .contains("jvm_memory_bytes_used{area=\"heap\",}");
    }

    @Test
    @Order(2)
    void prometheusScrapesTheServiceAndTheJobLabelledWithTheirRegion() {
        JsonNode targets = Await.until("both targets scraped and up", PATIENCE, prometheus::activeTargets, active -> {
            Set<String> up = new TreeSet<>();
            active.forEach(target -> {
                if (target.path("health").asText().equals("up")) {
                    up.add(target.path("labels").path("job").asText());
                }
            });
            return up.containsAll(List.of("shortener-service", "analytics"));
        });
        assertThat(targets).allSatisfy(target -> assertThat(target.path("labels").path("region").asText()).isEqualTo(region));
    }

    @Test
    @Order(3)
    void everyDashboardPanelReturnsDataOnceTrafficFlows() throws Exception {
        drive();
        // Counted and scraped: every panel, the click lag included, has something to show.
        Await.until("the redirects scraped", PATIENCE, () -> prometheus.value(
                "sum(shortener_http_request_duration_seconds_count{route=\"redirect\",status_class=\"3xx\"})") >= LINKS * REDIRECTS_EACH);
        Await.until("the clicks counted by the job and scraped", PATIENCE,
                () -> prometheus.value("sum(shortener_analytics_events_total)") >= LINKS * REDIRECTS_EACH);
        // Rates need two samples of a counter after its change: one more scrape of each target.
        Await.until("a rate of the job's events", PATIENCE, () -> prometheus.value("sum(rate(shortener_analytics_events_total[1m]))") > 0);

        List<String> empty = new ArrayList<>();
        for (MonitoringFiles.PanelQuery query : files.panelQueries()) {
            JsonNode answer = prometheus.query(MonitoringFiles.instantiate(query.expr()));
            assertThat(answer.path("status").asText()).as(query + ": " + answer).isEqualTo("success");
            if (answer.path("data").path("result").isEmpty()) {
                empty.add(query.toString());
            }
        }
        assertThat(empty).as("panels without data").isEmpty();
        assertThat(prometheus.value("histogram_quantile(0.99, sum by (le) (rate(shortener_http_request_duration_seconds_bucket"
                + "{route=\"redirect\"}[5m])))")).as("the redirect P99").isPositive().isLessThan(10);
        assertThat(prometheus.value("max(shortener_analytics_click_lag_seconds)")).as("the click lag").isBetween(0.0, PATIENCE.toSeconds() * 2.0);
    }

    /**
     * An alert's expression is empty while nothing is wrong: it must be valid, and every series it reads must
     * exist. None fires; one may be pending: a cold service's first redirects (each a Cassandra read) put
     * the P99 of a few dozen over the SLO, which is what a rule's {@code for} rides out.
     */
    @Test
    @Order(4)
    void everyAlertReadsSeriesThatExistAndNoneFiresOnAHealthyStack() {
        for (MonitoringFiles.AlertRule rule : files.alertRules()) {
            JsonNode answer = prometheus.query(rule.expr());
            assertThat(answer.path("status").asText()).as(rule + ": " + answer).isEqualTo("success");
            for (String series : MonitoringFiles.seriesNames(rule.expr())) {
                assertThat(prometheus.query(series).path("data").path("result")).as(rule + " reads " + series).isNotEmpty();
            }
        }
        JsonNode rules = Await.until("every rule evaluated", PATIENCE, prometheus::ruleGroups,
                groups -> groups.findValues("lastEvaluation").stream().noneMatch(time -> time.asText().startsWith("0001")));
        List<JsonNode> evaluated = rules.findParents("health");
        assertThat(evaluated).hasSize(files.alertRules().size()).allSatisfy(rule -> {
            assertThat(rule.path("health").asText()).as(rule.path("name").asText() + ": " + rule.path("lastError")).isEqualTo("ok");
            assertThat(rule.path("state").asText()).as(rule.path("name").asText()).isNotEqualTo("firing");
        });
    }

    /** The positive control of the two tests above: a stopped job is seen, and its alert's clock starts. */
    @Test
    @Order(5)
    void aStoppedJobPutsItsAlertInPending() {
        assertThat(devstack.prometheus().running()).isPresent();
        new io.shortener.devstack.AnalyticsJob(home, home.stackDir(stack.name()), stack.analytics()).stop();
        JsonNode groups = Await.until("ShortenerAnalyticsDown pending", PATIENCE, prometheus::ruleGroups,
                all -> all.findParents("name").stream().anyMatch(rule -> rule.path("name").asText().equals("ShortenerAnalyticsDown")
                        && rule.path("state").asText().equals("pending")));
        assertThat(groups.findParents("state")).filteredOn(rule -> rule.path("state").asText().equals("firing")).isEmpty();
    }

    /** Links made, followed, counted; an unknown code; as a user would. */
    private void drive() throws Exception {
        String key = new StackSecrets(home.stackDir(stack.name())).apiKey();
        String base = stack.region().service().publicBaseUrl();
        for (int i = 0; i < LINKS; i++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/links"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"https://example.com/watched-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String code = MonitoringFiles.JSON.readTree(created.body()).path("code").asText();
            for (int r = 0; r < REDIRECTS_EACH; r++) {
                assertThat(get(base + "/" + code).statusCode()).isEqualTo(302);
            }
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/links/" + code + "/stats"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        }
        assertThat(get(base + "/no-such-code").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
