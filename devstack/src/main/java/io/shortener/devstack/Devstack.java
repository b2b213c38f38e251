package io.shortener.devstack;

import io.shortener.clickhouse.ClickHouseMigrations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line behind `bin/shortener up|down|status|analytics|nodetool`: starts a local stack's servers
 * (Cassandra, per region a Redis Cluster, Kafka and the service, then ClickHouse and the analytics job) in
 * the background, each tracked by a pid file under .devstack/&lt;stack&gt;, and stops them by PID. `up` starts
 * the one-region stack (.devstack/local), `up --regions 2` the two-region one (.devstack/regions).
 */
public final class Devstack {

    /** One region's own servers: its Redis Cluster, Kafka broker and service. */
    private record Region(RegionSettings settings, RedisCluster redis, KafkaBroker kafka, ServiceProcess service) {
    }

    private final StackDefinition stack;
    private final CassandraCluster cassandra;
    private final List<Region> regions;
    private final ClickHouseServer clickhouse;
    private final AnalyticsJob analytics;
    private final NginxBaseline nginx;
    private final PrometheusServer prometheus;
    private final PrintStream out;
    private final Path keyFile;

    public Devstack(ProjectHome home, StackDefinition stack, PrintStream out) {
        Path dir = home.stackDir(stack.name());
        this.keyFile = home.root().relativize(dir.resolve(StackSecrets.API_KEY_FILE));
        this.stack = stack;
        this.cassandra = new CassandraCluster(home, dir, stack.cassandra());
        boolean single = stack.regions().size() == 1;
        this.regions = stack.regions().stream().map(region -> new Region(region,
                new RedisCluster(home, dir, region.redis()),
                new KafkaBroker(home, dir, region.kafka()),
                new ServiceProcess(home, dir, single ? "shortener-service" : "shortener-service-" + region.name(), region.service())))
                .toList();
        this.clickhouse = new ClickHouseServer(home, dir, stack.clickhouse());
        this.analytics = new AnalyticsJob(home, dir, stack.analytics());
        this.nginx = new NginxBaseline(home, dir);
        this.prometheus = new PrometheusServer(home, dir, stack.clickhouse().address());
        this.out = out;
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        String command = arguments.isEmpty() ? "status" : arguments.remove(0);
        ProjectHome home = ProjectHome.locate();
        try {
            switch (command) {
                case "up" -> {
                    boolean monitoring = arguments.remove("--monitoring");
                    new Devstack(home, stackFor(regionsOption(arguments)), System.out).up(monitoring);
                }
                case "down" -> everyStack(home).forEach(Devstack::down);
                case "status" -> everyStack(home).forEach(Devstack::status);
                case "baseline-up" -> new Devstack(home, StackDefinition.local(), System.out).baselineUp();
                case "baseline-down" -> new Devstack(home, StackDefinition.local(), System.out).baselineDown();
                case "analytics" -> running(home).analytics(arguments.isEmpty() ? "state" : arguments.get(0));
                case "nodetool" -> running(home).nodetool(arguments);
                default -> {
                    System.err.println("usage: devstack up [--regions 1|2] [--monitoring]|down|status|baseline-up|baseline-down|analytics pause|resume|state|nodetool ARGS…");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("devstack " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int regionsOption(List<String> arguments) {
        if (arguments.isEmpty()) {
            return 1;
        }
        if (arguments.size() == 2 && arguments.get(0).equals("--regions") && arguments.get(1).matches("[12]")) {
            return Integer.parseInt(arguments.get(1));
        }
        throw new IllegalArgumentException("up takes --regions 1 or --regions 2, not " + String.join(" ", arguments));
    }

    private static StackDefinition stackFor(int regions) {
        return regions == 2 ? StackDefinition.twoRegions() : StackDefinition.local();
    }

    /** Both local stacks, the one-region and the two-region one: `down` and `status` cover whichever runs. */
    private static List<Devstack> everyStack(ProjectHome home) {
        return List.of(new Devstack(home, StackDefinition.local(), System.out), new Devstack(home, StackDefinition.twoRegions(), System.out));
    }

    /** The local stack whose Cassandra runs (the two-region one if both somehow do). */
    private static Devstack running(ProjectHome home) {
        List<Devstack> stacks = everyStack(home);
        return stacks.stream().filter(Devstack::cassandraRuns).reduce((first, second) -> second).orElse(stacks.get(0));
    }

    private boolean cassandraRuns() {
        return cassandra.nodes().stream().anyMatch(node -> node.running().isPresent());
    }

    /** Cassandra's nodetool against a node of the stack, as {@code bin/shortener nodetool status} runs it. */
    public void nodetool(List<String> arguments) {
        out.print(cassandra.nodetool(arguments));
    }

    public void up() {
        up(false);
    }

    /** Starts what is not running; {@code monitoring}: Prometheus too (it is kept up to date whenever it runs). */
    public void up(boolean monitoring) {
        long started = System.nanoTime();
        List<LocalProcess> nodes = cassandra.ensureRunning();
        for (int i = 0; i < nodes.size(); i++) {
            CassandraNodeSettings node = stack.cassandra().get(i);
            out.printf("cassandra  %-28s pid %d  (%s)%n", node.endpoint().contactPoint() + " " + node.datacenter(), nodes.get(i).pid(),
                    nodes.get(i).logFile());
        }
        for (Region region : regions) {
            region.redis().ensureRunning();
            RedisClusterSettings redis = region.settings().redis();
            out.printf("redis      %-28s 3 masters, 3 replicas%s%n", redis.address() + ":" + redis.firstPort() + "-"
                    + redis.ports().get(redis.ports().size() - 1), regionSuffix(region));
            LocalProcess broker = region.kafka().ensureRunning();
            out.printf("kafka      %-28s pid %d  (topics %s)%s%n", region.settings().kafka().bootstrapServers(), broker.pid(),
                    region.settings().kafka().topics().stream().map(KafkaBrokerSettings.TopicSpec::name).toList(), regionSuffix(region));
            out.printf("           CPU: %s%n", broker.cpuShare());
        }
        LocalProcess store = clickhouse.ensureRunning();
        List<ClickHouseMigrations.Migration> applied = clickhouse.migrations().apply(stack.clickhouse().database());
        out.printf("clickhouse %-28s pid %d  (database %s, %d schema versions applied now)%n", stack.clickhouse().httpUrl(),
                store.pid(), stack.clickhouse().database(), applied.size());
        out.printf("           CPU: %s%n", store.cpuShare());
        LocalProcess job = analytics.ensureRunning(regions.stream().map(region -> region.settings().kafka()).toList(), "clicks",
                stack.clickhouse());
        out.printf("analytics  %-28s pid %d  (%s)%n", "spark " + stack.analytics().master(), job.pid(), job.logFile());
        out.printf("           CPU: %s%n", job.cpuShare());
        for (Region region : regions) {
            ServiceProcess service = region.service();
            Optional<LocalProcess> running = service.running();
            LocalProcess app = running.filter(p -> service.healthy() && service.upToDate()).orElseGet(() -> {
                running.ifPresent(p -> service.stop());
                return service.start(ServiceTargets.of(stack, region.settings()));
            });
            out.printf("service    %-28s pid %d  (%s)%s%n", region.settings().service().publicBaseUrl(), app.pid(), app.logFile(),
                    regionSuffix(region));
        }
        if (monitoring || prometheus.running().isPresent()) {
            LocalProcess scraper = prometheus.ensureRunning(scrapeTargets(), analyticsTarget());
            out.printf("prometheus %-28s pid %d  (%s)%n", prometheus.url(), scraper.pid(), scraper.logFile());
        }
        out.printf("%nshortener is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        for (Region region : regions) {
            ServiceSettings service = region.settings().service();
            if (regions.size() > 1) {
                out.printf("region %s%n", region.settings().name());
            }
            out.printf("  API        %s/api/v1/links%n", service.publicBaseUrl());
            out.printf("  redirects  %s/{code}%n", service.publicBaseUrl());
            out.printf("  stats      %s/api/v1/links/{code}/stats%n", service.publicBaseUrl());
            out.printf("  health     %s%n", service.healthUrl());
            out.printf("  metrics    %s%n", service.prometheusUrl());
        }
        if (prometheus.running().isPresent()) {
            out.printf("  prometheus %s (dashboards and alerts: monitoring/)%n", prometheus.url());
        }
        out.printf("  API key    %s (every scope): -H \"Authorization: Bearer $(cat %s)\"%n", keyFile, keyFile);
        out.printf("  analysts   clickhouse-client --host %s --port %d --database %s%n", stack.clickhouse().address(),
                stack.clickhouse().tcpPort(), stack.clickhouse().database());
        if (stack.cassandra().size() > 1) {
            out.printf("  cassandra  bin/shortener nodetool status%n");
        }
        out.printf("  stop with  bin/shortener down%n");
    }

    /** Each region's service, by its admin port. */
    private List<PrometheusServer.Target> scrapeTargets() {
        return regions.stream().map(region -> new PrometheusServer.Target(region.settings().service().host() + ":"
                + region.settings().service().adminPort(), region.settings().name())).toList();
    }

    /** The one analytics job, counted as the first region's (where ClickHouse is). */
    private List<PrometheusServer.Target> analyticsTarget() {
        String address = stack.analytics().metricsAddress();
        return address == null ? List.of() : List.of(new PrometheusServer.Target(address, stack.regions().get(0).name()));
    }

    private boolean anythingRuns() {
        return prometheus.running().isPresent() || cassandraRuns() || analytics.running().isPresent() || clickhouse.running().isPresent()
                || regions.stream().anyMatch(region -> region.service().running().isPresent() || region.kafka().running().isPresent()
                || region.settings().redis().ports().stream().anyMatch(port -> region.redis().running(port).isPresent()));
    }

    private String regionSuffix(Region region) {
        return regions.size() > 1 ? "  [" + region.settings().name() + "]" : "";
    }

    /** nginx answering a redirect from memory: the ceiling the benchmark compares the service against. */
    public void baselineUp() {
        LocalProcess process = nginx.start();
        out.printf("nginx      http://127.0.0.1:%d         pid %d%n", NginxBaseline.PORT, process.pid());
    }

    public void baselineDown() {
        report("nginx", null, nginx.stop());
    }

    public void down() {
        if (!anythingRuns()) {
            out.printf("stack %-8s nothing running%n", stack.name());
            return;
        }
        out.printf("stack %s%n", stack.name());
        report("prometheus", null, prometheus.stop());
        for (Region region : regions) {
            report("service", region, region.service().stop());
        }
        report("analytics", null, analytics.stop());
        report("clickhouse", null, clickhouse.stop());
        for (Region region : regions) {
            report("kafka", region, region.kafka().stop());
            report("redis", region, region.redis().stop());
        }
        report("cassandra", null, cassandra.stop());
    }

    /** Stops everything and throws its data away: the next {@code up} starts from nothing (the tests' stacks). */
    public void wipe() {
        prometheus.wipe();
        for (Region region : regions) {
            region.service().wipe();
        }
        analytics.wipe();
        clickhouse.wipe();
        for (Region region : regions) {
            region.kafka().wipe();
            region.redis().wipe();
        }
        cassandra.wipe();
    }

    /** The Prometheus of this stack (started by {@code up(true)}). */
    public PrometheusServer prometheus() {
        return prometheus;
    }

    /** What runs, region by region; a stack with nothing running is one line. */
    public void status() {
        if (!anythingRuns()) {
            out.printf("stack %-8s stopped%n", stack.name());
            return;
        }
        out.printf("stack %s%n", stack.name());
        for (Region region : regions) {
            if (regions.size() > 1) {
                out.printf(" region %s%n", region.settings().name());
            }
            ServiceProcess service = region.service();
            out.printf("  service    %s%n", service.running().map(p -> "running, pid " + p.pid()
                    + (service.healthy() ? ", healthy" : ", not healthy") + " (" + region.settings().service().publicBaseUrl() + ")")
                    .orElse("stopped"));
            RedisClusterSettings redisSettings = region.settings().redis();
            long redisNodes = redisSettings.ports().stream().filter(port -> region.redis().running(port).isPresent()).count();
            out.printf("  redis      %d of %d nodes running%s%n", redisNodes, redisSettings.ports().size(),
                    redisNodes > 0 && region.redis().clusterOk() ? ", cluster ok" : "");
            out.printf("  kafka      %s%n", region.kafka().running().map(p -> "running, pid " + p.pid() + "; CPU: " + p.cpuShare())
                    .orElse("stopped"));
            for (CassandraNode node : cassandra.datacenter(region.settings().datacenter())) {
                out.printf("  cassandra  %-10s %s%n", node.settings().nodeName(), node.running().map(p -> "running, pid " + p.pid()
                        + " (" + node.endpoint().contactPoint() + ")").orElse("stopped"));
            }
        }
        if (regions.size() > 1) {
            out.printf(" shared%n");
        }
        out.printf("  analytics  %s%n", analytics.running().map(p -> (p.isPaused() ? "paused" : "running") + ", pid " + p.pid()
                + "; CPU: " + p.cpuShare()).orElse("stopped"));
        out.printf("  clickhouse %s%n", clickhouse.running().map(p -> "running, pid " + p.pid() + "; CPU: " + p.cpuShare()).orElse("stopped"));
        out.printf("  prometheus %s%n", prometheus.running().map(p -> "running, pid " + p.pid() + " (" + prometheus.url() + ")")
                .orElse("stopped (bin/shortener up --monitoring starts it)"));
    }

    /**
     * Pauses the analytics job where it stands (its events wait in Kafka) or lets it go on; {@code state}
     * prints one line for the benchmark's report: paused or running, and its CPU share.
     */
    public void analytics(String action) {
        LocalProcess job = analytics.running().orElseThrow(() -> new IllegalStateException("the analytics job is not running"));
        switch (action) {
            case "pause" -> job.pause();
            case "resume" -> job.resume();
            case "state" -> { }
            default -> throw new IllegalArgumentException("analytics pause|resume|state, not " + action);
        }
        out.printf("%s; CPU: %s%n", job.isPaused() ? "paused" : "running", job.cpuShare());
    }

    private void report(String name, Region region, boolean stopped) {
        out.printf("  %-10s %s%s%n", name, stopped ? "stopped" : "was not running", region == null ? "" : regionSuffix(region));
    }

}
