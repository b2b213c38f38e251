package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's ceiling: Debian's nginx answering every request with a 302 from memory, on
 * 127.0.0.1:18090, configured by loadtest/nginx/nginx.conf.
 */
public final class NginxBaseline {

    public static final int PORT = 18090;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ProjectHome home;
    private final Path dir;
    private final TrackedProcess process;

    public NginxBaseline(ProjectHome home, Path stackDir) {
        this.home = home;
        this.dir = stackDir.resolve("nginx");
        // Named by its prefix folder, the -p argument.
        this.process = new TrackedProcess("nginx baseline", dir, dir.resolve("launcher.pid"), dir.resolve("stdout.log"), dir + "/", STOP_GRACE);
    }

    public LocalProcess start() {
        stop();
        Ports.requireFree("127.0.0.1", PORT, process.name());
        try {
            Files.createDirectories(dir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("/usr/sbin/nginx", "-p", dir + "/", "-c",
                home.root().resolve("loadtest/nginx/nginx.conf").toString(), "-g", "daemon off;");
        LocalProcess started = process.start(command, Map.of());
        started.awaitReady("answering on 127.0.0.1:" + PORT, Duration.ofSeconds(20), () -> Ports.accepts("127.0.0.1", PORT));
        return started;
    }

    public boolean stop() {
        return process.stop();
    }
}
