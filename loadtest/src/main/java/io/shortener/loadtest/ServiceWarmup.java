package io.shortener.loadtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What a benchmark does to a service before it measures it: its caches filled, its code compiled. */
final class ServiceWarmup {

    private final URI service;
    private final String apiKey;
    private final int connections;
    private final double redirectRate;
    private final PrintStream console;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    ServiceWarmup(URI service, String apiKey, int connections, double redirectRate, PrintStream console) {
        this.service = service;
        this.apiKey = apiKey;
        this.connections = connections;
        this.redirectRate = redirectRate;
        this.console = console;
    }

    /** One request for every seeded code, so the runs measure caches, not first loads. */
    void cacheEveryCode(List<String> codes) throws IOException {
        new LoadEngine(address(), Scenario.sequence(host(), codes), 8, 42, quiet).runClosed(Duration.ZERO, Duration.ofSeconds(3));
    }

    /**
     * Every path the runs take, at a rate that leaves the JIT compiler the CPU it needs: a service just
     * started by {@code up} runs its redirects interpreted or half-compiled for tens of seconds on two
     * busy cores, and the first repeat would measure that instead of the service (as JMH warms up too).
     */
    void compile(String hotCode, List<String> codes, String runId, Duration time) throws IOException {
        if (time.isZero()) {
            return;
        }
        console.printf(Locale.ROOT, "warming the service's JIT for %d s (redirects and creates at a moderate rate)%n", time.toSeconds());
        Duration third = time.dividedBy(3);
        new LoadEngine(address(), Scenario.zipf(host(), codes, 1.0), connections, 42, quiet).runOpen(redirectRate / 2, Duration.ZERO, third);
        new LoadEngine(address(), Scenario.hot(host(), hotCode), connections, 42, quiet).runOpen(redirectRate / 2, Duration.ZERO, third);
        new LoadEngine(address(), Scenario.create(host(), apiKey, runId + "-warm"), connections, 42, quiet).runOpen(500, Duration.ZERO, third);
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(service.getHost(), service.getPort());
    }

    private String host() {
        return Scenario.hostOf(service);
    }
}
