package io.shortener.devstack;

import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.clickhouse.ClickHouseMigrations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's clickhouse-server as a process of ours: a config written from clickhouse/conf into the
 * stack's folder, data beside it, ready once {@code /ping} answers.
 */
public final class ClickHouseServer {

    /** Where Debian's clickhouse-server package puts it. */
    public static final String BINARY = "/usr/sbin/clickhouse-server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ProjectHome home;
    private final ClickHouseSettings settings;
    private final Path dir;
    private final TrackedProcess process;
    private final HttpProbe probe = new HttpProbe();

    public ClickHouseServer(ProjectHome home, Path stackDir, ClickHouseSettings settings) {
        this.home = home;
        this.settings = settings;
        this.dir = stackDir.resolve("clickhouse");
        // Not a JVM: the server is named by its configuration file, which no other process's command line holds.
        this.process = new TrackedProcess("clickhouse (" + settings.httpUrl() + ")", dir, dir.resolve("clickhouse.pid"),
                dir.resolve("logs/stdout.log"), "--config-file=" + config(), STOP_GRACE);
    }

    public ClickHouseSettings settings() {
        return settings;
    }

    public Optional<LocalProcess> running() {
        return process.running();
    }

    public LocalProcess ensureRunning() {
        return running().orElseGet(this::start);
    }

    public LocalProcess start() {
        stop();
        Ports.requireFree(settings.address(), settings.httpPort(), process.name());
        Ports.requireFree(settings.address(), settings.tcpPort(), process.name() + " (native port)");
        Template.renderFile(home.clickHouseConf().resolve("config.xml.template"), config(), Map.of(
                "dir", dir.toString(),
                "conf", home.clickHouseConf().toString(),
                "address", settings.address(),
                "http_port", Integer.toString(settings.httpPort()),
                "tcp_port", Integer.toString(settings.tcpPort()),
                "interserver_port", Integer.toString(settings.interserverPort())));
        LocalProcess started = process.start(List.of(BINARY, process.marker()), Map.of(), settings.cpu());
        started.awaitReady("answering on " + settings.httpUrl(), START_TIMEOUT, this::answers);
        return started;
    }

    public boolean stop() {
        return process.stop();
    }

    public void wipe() {
        process.wipe();
    }

    public boolean answers() {
        return probe.answers200(settings.httpUrl() + "/ping");
    }

    public ClickHouseHttp http() {
        return new ClickHouseHttp(settings.httpUrl());
    }

    /** The versioned schema in clickhouse/schema, for any database of this server. */
    public ClickHouseMigrations migrations() {
        return new ClickHouseMigrations(settings.httpUrl(), home.clickHouseSchema());
    }

    private Path config() {
        return dir.resolve("conf/config.xml");
    }
}
