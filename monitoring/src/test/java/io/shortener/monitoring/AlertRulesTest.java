package io.shortener.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and Prometheus' configuration, checked by Prometheus' own promtool (Debian's
 * prometheus package, which `bin/shortener test` installs): valid, and each rule fires in
 * alerts.test.yml on the series that should fire it.
 */
class AlertRulesTest {

    private final MonitoringFiles files = new MonitoringFiles();

    @Test
    void promtoolFindsTheRulesValid() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: " + files.alertRules().size() + " rules found");
    }

    @Test
    void promtoolFindsTheConfigurationValid() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
    }

    @Test
    void everyRuleFiresInItsUnitTests() throws Exception {
        Set<String> fired = new HashSet<>();
        for (JsonNode test : files.ruleTests().path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                if (!check.path("exp_alerts").isEmpty()) {
                    fired.add(check.path("alertname").asText());
                }
            }
        }
        assertThat(fired).containsExactlyInAnyOrderElementsOf(files.alertRules().stream().map(MonitoringFiles.AlertRule::name).toList());
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void everyRuleSaysHowBadAndWhat() {
        assertThat(files.alertRules()).allSatisfy(rule -> {
            assertThat(rule.rule().path("labels").path("severity").asText()).isIn("page", "ticket");
            assertThat(rule.rule().path("annotations").path("summary").asText()).isNotBlank();
        });
    }

    /** Runs promtool in monitoring/prometheus; its output, or the test fails with it. */
    private String promtool(String... arguments) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assertThat(promtool).as("promtool (apt-get install prometheus; bin/shortener test installs it)").isExecutable();
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(files.prometheusDir().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
