package io.shortener.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shortener.devstack.ProjectHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repo's monitoring/ folder as the tests read it: the dashboards' panel queries and the alert rules. */
final class MonitoringFiles {

    /** A query of a dashboard panel. */
    record PanelQuery(String dashboard, String panel, String refId, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + " / " + refId;
        }
    }

    /** An alert rule of alerts.yml. */
    record AlertRule(String name, String expr, JsonNode rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Pattern SERIES_NAME = Pattern.compile("\\b(?:shortener|jvm)_[a-z0-9_]+\\b|\\bup(?=\\{)");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path root = ProjectHome.locate().root().resolve("monitoring");

    Path prometheusDir() {
        return root.resolve("prometheus");
    }

    List<JsonNode> dashboards() {
        try (Stream<Path> files = Files.list(root.resolve("grafana/dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(MonitoringFiles::readJson).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<PanelQuery> panelQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode dashboard : dashboards()) {
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new PanelQuery(dashboard.path("uid").asText(), panel.path("title").asText(), target.path("refId").asText(),
                            target.path("expr").asText()));
                }
            }
        }
        return queries;
    }

    List<AlertRule> alertRules() {
        JsonNode alerts = readYaml(prometheusDir().resolve("alerts.yml"));
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode group : alerts.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new AlertRule(rule.path("alert").asText(), rule.path("expr").asText(), rule));
            }
        }
        return rules;
    }

    JsonNode ruleTests() {
        return readYaml(prometheusDir().resolve("alerts.test.yml"));
    }

    /** A panel's query as Prometheus takes it: Grafana's variables given the values that select everything. */
    static String instantiate(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$region", ".*");
    }

    /** The metric names an expression reads. */
    static Set<String> seriesNames(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SERIES_NAME.matcher(expr);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
