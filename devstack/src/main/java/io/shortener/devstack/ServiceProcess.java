package io.shortener.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shortener-service jar as a background process, pointed at its region's servers. */
public final class ServiceProcess {

    /** Clients the local stack never limits; see the README, Rate limits. */
    public static final String LIMITS_EXEMPT_VARIABLE = "SHORTENER_LIMITS_EXEMPT_CLIENTS";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ProjectHome home;
    private final Path stackDir;
    private final Path dir;
    private final ServiceSettings settings;
    private final TrackedProcess process;
    private final HttpProbe probe = new HttpProbe();

    public ServiceProcess(ProjectHome home, Path stackDir, ServiceSettings settings) {
        this(home, stackDir, "shortener-service", settings);
    }

    /** A service in a folder of its own name: one per region of a stack. */
    public ServiceProcess(ProjectHome home, Path stackDir, String folder, ServiceSettings settings) {
        this.home = home;
        this.stackDir = stackDir;
        this.dir = stackDir.resolve(folder);
        this.settings = settings;
        this.process = TrackedProcess.jvm(folder, dir, "service.pid", "service.log", STOP_GRACE);
    }

    public ServiceSettings settings() {
        return settings;
    }

    /** The stack's development key, which this service stores as its initial key (every scope). */
    public String apiKey() {
        return new StackSecrets(stackDir).apiKey();
    }

    public Optional<LocalProcess> running() {
        return process.running();
    }

    public LocalProcess start(ServiceTargets targets) {
        return start(targets, Map.of());
    }

    /** Started with {@code overrides}: configuration variables (shortener.yml) set over what the stack gives it. */
    public LocalProcess start(ServiceTargets targets, Map<String, String> overrides) {
        stop();
        Ports.requireFree(settings.host(), settings.httpPort(), process.name());
        Ports.requireFree(settings.host(), settings.adminPort(), process.name() + " (admin)");
        Path jar = jar().refresh();
        List<String> command = new ArrayList<>(List.of(
                ForkedJvm.java(),
                process.marker(), "-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
                "-Xlog:gc,safepoint:file=" + dir.resolve("gc.log") + ":uptime,time:filecount=3,filesize=20m"));
        // Last, so that they override the defaults above (the JVM takes the last of a repeated flag).
        command.addAll(settings.extraJvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "server", home.serviceConfig().toString()));
        Map<String, String> environment = new HashMap<>(targets.environment());
        environment.put("SHORTENER_HTTP_PORT", Integer.toString(settings.httpPort()));
        environment.put("SHORTENER_ADMIN_PORT", Integer.toString(settings.adminPort()));
        environment.put("SHORTENER_PUBLIC_BASE_URL", settings.publicBaseUrl());
        environment.putAll(new StackSecrets(stackDir).environment());
        // bin/shortener bench and the load tests drive the stack from 127.0.0.1 at rates no one client may reach;
        // every other address (curl --interface 127.0.0.2) meets the limits as a client would. Set in up's own
        // environment, the variable replaces that (to measure the limiter, say).
        environment.put(LIMITS_EXEMPT_VARIABLE, System.getenv().getOrDefault(LIMITS_EXEMPT_VARIABLE, "127.0.0.1"));
        environment.putAll(overrides);
        LocalProcess started = process.start(command, environment);
        started.awaitReady("healthy at " + settings.healthUrl(), START_TIMEOUT, this::healthy);
        return started;
    }

    /** Whether the running copy is the jar built last. */
    public boolean upToDate() {
        return jar().upToDate();
    }

    private RunningCopy jar() {
        return new RunningCopy(home.serviceJar(), dir.resolve("shortener-service.jar"));
    }

    public boolean stop() {
        return process.stop();
    }

    /** Stops the service and removes its folder: its log and its click journal (clicks not yet on Kafka) are gone. */
    public void wipe() {
        process.wipe();
    }

    public boolean healthy() {
        return probe.answers200(settings.healthUrl());
    }
}
