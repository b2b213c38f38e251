package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Debian's Prometheus as a process of ours, with the repo's monitoring/prometheus/prometheus.yml and
 * alerts.yml as they are, and the targets (file service discovery) of this stack: each region's service
 * (admin port) and the analytics job, labelled with their region.
 */
public final class PrometheusServer {

    /** Where Debian's prometheus package puts it. */
    public static final String BINARY = "/usr/bin/prometheus";
    public static final int PORT = 19090;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** A scrape target: {@code host:port} and the region it belongs to. */
    public record Target(String address, String region) {
    }

    private final ProjectHome home;
    private final String address;
    private final Path dir;
    private final TrackedProcess process;
    private final HttpProbe probe = new HttpProbe();

    public PrometheusServer(ProjectHome home, Path stackDir, String address) {
        this.home = home;
        this.address = address;
        this.dir = stackDir.resolve("prometheus");
        this.process = new TrackedProcess("prometheus (" + url() + ")", dir, dir.resolve("prometheus.pid"), dir.resolve("prometheus.log"),
                "--config.file=" + dir.resolve("prometheus.yml"), STOP_GRACE);
    }

    public String url() {
        return "http://" + address + ":" + PORT;
    }

    public Optional<LocalProcess> running() {
        return process.running();
    }

    /** Writes this stack's targets (Prometheus reads them again when they change), then starts Prometheus unless it runs. */
    public LocalProcess ensureRunning(List<Target> services, List<Target> analytics) {
        writeConfig(services, analytics);
        return running().orElseGet(this::start);
    }

    private LocalProcess start() {
        Ports.requireFree(address, PORT, process.name());
        LocalProcess started = process.start(List.of(BINARY, process.marker(), "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=2d", "--web.listen-address=" + address + ":" + PORT), Map.of(),
                CpuShare.weighted(20));
        started.awaitReady("ready on " + url(), START_TIMEOUT, this::ready);
        return started;
    }

    private void writeConfig(List<Target> services, List<Target> analytics) {
        try {
            Files.createDirectories(dir.resolve("targets"));
            for (String file : List.of("prometheus.yml", "alerts.yml")) {
                Files.copy(home.prometheusConf().resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve("targets/shortener-service.yml"), targets(services));
            Files.writeString(dir.resolve("targets/analytics.yml"), targets(analytics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file_sd file: one group per target, with its region. */
    static String targets(List<Target> targets) {
        return "# Written by devstack for this stack.\n" + (targets.isEmpty() ? "[]\n" : targets.stream()
                .map(target -> "- targets: ['" + target.address() + "']\n  labels:\n    region: '" + target.region() + "'\n")
                .collect(Collectors.joining()));
    }

    public boolean stop() {
        return process.stop();
    }

    public void wipe() {
        process.wipe();
    }

    public boolean ready() {
        return probe.answers200(url() + "/-/ready");
    }
}
