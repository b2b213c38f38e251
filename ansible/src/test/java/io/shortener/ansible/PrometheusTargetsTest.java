package io.shortener.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * monitoring/prometheus/targets.yml.j2 rendered by Ansible from the test inventory, as a Prometheus host's
 * play would: every service instance at its admin port and the analytics job at its metrics port, each
 * labelled with its host's region.
 */
class PrometheusTargetsTest {

    private static final Path TEMPLATE = Path.of("../monitoring/prometheus/targets.yml.j2").toAbsolutePath().normalize();
    private static final Pattern TARGET = Pattern.compile("- targets: \\['([0-9.]+:[0-9]+)'\\]\\n  labels:\\n    region: '([a-z-]+)'");

    @TempDir
    Path out;

    @Test
    void everyServiceInstanceIsScrapedAtItsAdminPortWithItsRegion() throws Exception {
        assertThat(targets(render("shortener_service", "{{ shortener_admin_port }}"))).containsExactly(
                "127.0.21.21:8081 eu-west", "127.0.20.21:8081 us-east", "127.0.20.22:8081 us-east");
    }

    @Test
    void theAnalyticsJobIsScrapedAtItsMetricsPort() throws Exception {
        assertThat(targets(render("analytics_spark", "{{ analytics_metrics_port }}"))).containsExactly("127.0.20.11:18095 us-east");
    }

    private String render(String group, String port) throws IOException, InterruptedException {
        Path target = out.resolve(group + ".yml");
        Process process = new ProcessBuilder("ansible", "localhost", "-i", "inventories/local", "-c", "local",
                "-m", "ansible.builtin.template", "-a", "src=" + TEMPLATE + " dest=" + target,
                "-e", "scrape_group=" + group, "-e", "scrape_port=" + port).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Files.readString(target);
    }

    private static List<String> targets(String rendered) {
        Matcher matcher = TARGET.matcher(rendered);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1) + " " + matcher.group(2));
        }
        return found;
    }
}
