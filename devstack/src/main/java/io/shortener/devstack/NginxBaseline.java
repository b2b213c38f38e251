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

    public NginxBaseline(ProjectHome home, Path stackDir) {
        this.home = home;
        this.dir = stackDir.resolve("nginx");
    }

    public LocalProcess start() {
        stop();
        Ports.requireFree("127.0.0.1", PORT, "the nginx baseline");
        try {
            Files.createDirectories(dir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("/usr/sbin/nginx", "-p", dir + "/", "-c",
                home.root().resolve("loadtest/nginx/nginx.conf").toString(), "-g", "daemon off;");
        LocalProcess process = LocalProcess.start(new ProcessSpec("nginx baseline", command, dir, dir.resolve("stdout.log"),
                dir.resolve("launcher.pid"), dir + "/", Map.of()), STOP_GRACE);
        process.awaitReady("answering on 127.0.0.1:" + PORT, Duration.ofSeconds(20), () -> Ports.accepts("127.0.0.1", PORT));
        return process;
    }

    public boolean stop() {
        return LocalProcess.stopRecorded(dir.resolve("launcher.pid"), dir + "/", STOP_GRACE);
    }
}
