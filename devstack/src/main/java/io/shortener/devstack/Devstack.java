package io.shortener.devstack;

import io.shortener.clickhouse.ClickHouseMigrations;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The command line behind `bin/shortener up|down|status|analytics`: starts the local stack's servers
 * (Cassandra, the Redis Cluster, Kafka, ClickHouse, the analytics job, the service) in the background,
 * each tracked by a pid file under .devstack/local, and stops them by PID.
 */
public final class Devstack {

    private final StackDefinition stack;
    private final CassandraNode cassandra;
    private final RedisCluster redis;
    private final KafkaBroker kafka;
    private final ClickHouseServer clickhouse;
    private final AnalyticsJob analytics;
    private final ServiceProcess service;
    private final NginxBaseline nginx;
    private final PrintStream out;

    public Devstack(ProjectHome home, StackDefinition stack, PrintStream out) {
        this.stack = stack;
        this.cassandra = new CassandraNode(home, home.stackDir(stack.name()), stack.cassandra());
        this.redis = new RedisCluster(home.stackDir(stack.name()), stack.redis());
        this.kafka = new KafkaBroker(home, home.stackDir(stack.name()), stack.kafka());
        this.clickhouse = new ClickHouseServer(home, home.stackDir(stack.name()), stack.clickhouse());
        this.analytics = new AnalyticsJob(home, home.stackDir(stack.name()), stack.analytics());
        this.service = new ServiceProcess(home, home.stackDir(stack.name()), stack.service());
        this.nginx = new NginxBaseline(home, home.stackDir(stack.name()));
        this.out = out;
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "status" : args[0];
        Devstack devstack = new Devstack(ProjectHome.locate(), StackDefinition.local(), System.out);
        try {
            switch (command) {
                case "up" -> devstack.up();
                case "down" -> devstack.down();
                case "status" -> devstack.status();
                case "baseline-up" -> devstack.baselineUp();
                case "baseline-down" -> devstack.baselineDown();
                case "analytics" -> devstack.analytics(args.length > 1 ? args[1] : "state");
                case "nodetool" -> devstack.nodetool(List.of(args).subList(1, args.length));
                default -> {
                    System.err.println("usage: devstack up|down|status|baseline-up|baseline-down|analytics pause|resume|state|nodetool ARGS…");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("devstack " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Cassandra's nodetool against the stack's node, as {@code bin/shortener nodetool status} runs it. */
    public void nodetool(List<String> arguments) {
        out.print(cassandra.nodetool(arguments));
    }

    public void up() {
        long started = System.nanoTime();
        LocalProcess node = cassandra.ensureRunning();
        out.printf("cassandra  %-28s pid %d  (%s)%n", cassandra.endpoint().contactPoint() + " " + cassandra.endpoint().datacenter(),
                node.pid(), node.logFile());
        redis.ensureRunning();
        out.printf("redis      %-28s 3 masters, 3 replicas%n", stack.redis().address() + ":" + stack.redis().firstPort()
                + "-" + stack.redis().ports().get(stack.redis().ports().size() - 1));
        LocalProcess broker = kafka.ensureRunning();
        out.printf("kafka      %-28s pid %d  (topics %s)%n", stack.kafka().bootstrapServers(), broker.pid(),
                stack.kafka().topics().stream().map(KafkaBrokerSettings.TopicSpec::name).toList());
        out.printf("           CPU: %s%n", broker.cpuShare());
        LocalProcess store = clickhouse.ensureRunning();
        List<ClickHouseMigrations.Migration> applied = clickhouse.migrations().apply(stack.clickhouse().database());
        out.printf("clickhouse %-28s pid %d  (database %s, %d schema versions applied now)%n", stack.clickhouse().httpUrl(),
                store.pid(), stack.clickhouse().database(), applied.size());
        out.printf("           CPU: %s%n", store.cpuShare());
        LocalProcess job = analytics.ensureRunning(stack.kafka(), "clicks", stack.clickhouse());
        out.printf("analytics  %-28s pid %d  (%s)%n", "spark " + stack.analytics().master(), job.pid(), job.logFile());
        out.printf("           CPU: %s%n", job.cpuShare());
        Optional<LocalProcess> running = service.running();
        LocalProcess app = running.filter(p -> service.healthy() && service.upToDate()).orElseGet(() -> {
            running.ifPresent(p -> service.stop());
            return service.start(cassandra.endpoint(), stack.redis(), stack.kafka(), stack.clickhouse());
        });
        out.printf("service    %-28s pid %d  (%s)%n", stack.service().publicBaseUrl(), app.pid(), app.logFile());
        out.printf("%nshortener is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.printf("  API        %s/api/v1/links%n", stack.service().publicBaseUrl());
        out.printf("  redirects  %s/{code}%n", stack.service().publicBaseUrl());
        out.printf("  stats      %s/api/v1/links/{code}/stats%n", stack.service().publicBaseUrl());
        out.printf("  health     %s%n", stack.service().healthUrl());
        out.printf("  analysts   clickhouse-client --host %s --port %d --database %s%n", stack.clickhouse().address(),
                stack.clickhouse().tcpPort(), stack.clickhouse().database());
        out.printf("  stop with  bin/shortener down%n");
    }

    /** nginx answering a redirect from memory: the ceiling the benchmark compares the service against. */
    public void baselineUp() {
        LocalProcess process = nginx.start();
        out.printf("nginx      http://127.0.0.1:%d         pid %d%n", NginxBaseline.PORT, process.pid());
    }

    public void baselineDown() {
        report("nginx", nginx.stop());
    }

    public void down() {
        report("service", service.stop());
        report("analytics", analytics.stop());
        report("clickhouse", clickhouse.stop());
        report("kafka", kafka.stop());
        report("redis", redis.stop());
        report("cassandra", cassandra.stop());
    }

    public void status() {
        out.printf("service    %s%n", service.running().map(p -> "running, pid " + p.pid()
                + (service.healthy() ? ", healthy" : ", not healthy")).orElse("stopped"));
        long redisNodes = stack.redis().ports().stream().filter(port -> redis.running(port).isPresent()).count();
        out.printf("redis      %d of %d nodes running%s%n", redisNodes, stack.redis().ports().size(),
                redisNodes > 0 && redis.clusterOk() ? ", cluster ok" : "");
        out.printf("analytics  %s%n", analytics.running().map(p -> (p.isPaused() ? "paused" : "running") + ", pid " + p.pid()
                + "; CPU: " + p.cpuShare()).orElse("stopped"));
        out.printf("clickhouse %s%n", clickhouse.running().map(p -> "running, pid " + p.pid() + "; CPU: " + p.cpuShare()).orElse("stopped"));
        out.printf("kafka      %s%n", kafka.running().map(p -> "running, pid " + p.pid() + "; CPU: " + p.cpuShare()).orElse("stopped"));
        out.printf("cassandra  %s%n", cassandra.running().map(p -> "running, pid " + p.pid()).orElse("stopped"));
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

    private void report(String name, boolean stopped) {
        out.printf("%-10s %s%n", name, stopped ? "stopped" : "was not running");
    }

}
